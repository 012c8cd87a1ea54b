package ${package}.model;

import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tag on posts, such as "java": table "tags". */
@Entity
public class Tag extends Tag_Relations {
    private Long id;
    @NotBlank @Size(max = 50)
    @Pattern(regexp = "[a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
    private String name;

    /** The posts with this tag: the other side of {@link Post}'s tags. */
    public BelongsToMany<Tag, Post> posts() {
        return belongsToMany(Post.class);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Tag setName(String name) { this.name = name; return this; }
}
