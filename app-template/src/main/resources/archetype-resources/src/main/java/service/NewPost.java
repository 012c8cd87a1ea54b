package ${package}.service;

/** What it takes to create a post: the body of {@code POST /posts}; {@code userId} is the author. */
public record NewPost(Long userId, String title, String body) {}
