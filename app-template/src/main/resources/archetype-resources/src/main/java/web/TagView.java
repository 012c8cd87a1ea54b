package ${package}.web;

import ${package}.model.Tag;

/** A tag as the API shows it. */
public record TagView(long id, String name) {

    /** The view of a saved tag. */
    public static TagView of(Tag tag) {
        return new TagView(tag.getId(), tag.getName());
    }
}
