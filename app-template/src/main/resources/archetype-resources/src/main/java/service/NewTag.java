package ${package}.service;

/** What it takes to create a tag: the body of {@code POST /tags}. */
public record NewTag(String name) {}
