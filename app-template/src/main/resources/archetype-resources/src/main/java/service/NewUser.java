package ${package}.service;

/** What it takes to create a user: the body of {@code POST /users}. */
public record NewUser(String email, String name) {}
