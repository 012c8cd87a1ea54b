package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Id;

/** A composite key of two columns. */
// snippet:start entities-membership
@Entity
public class Membership extends BaseEntity<Membership> {
    @Id private Long userId;               // two @Id fields: a composite key
    @Id private Long teamId;
    private String level;
    // snippet:hide getters and setters

    public Long getUserId() { return userId; }
    public Membership setUserId(Long userId) { this.userId = userId; return this; }
    public Long getTeamId() { return teamId; }
    public Membership setTeamId(Long teamId) { this.teamId = teamId; return this; }
    public String getLevel() { return level; }
    public Membership setLevel(String level) { this.level = level; return this; }
    // snippet:show
}
// snippet:end
