package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsTo;

/** One profile per user: the related side of User.profile() (hasOne). */
@Entity
public class Profile extends BaseEntity<Profile> {
    private Long id;
    private Long userId;
    private String bio;

    public BelongsTo<Profile, User> user() {
        return belongsTo(User.class);
    }

    public Long getId() { return id; }
    public Long getUserId() { return userId; }
    public String getBio() { return bio; }
    public Profile setBio(String bio) { this.bio = bio; return this; }
}
