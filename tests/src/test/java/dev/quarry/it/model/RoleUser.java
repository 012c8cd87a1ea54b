package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Id;
import dev.quarry.relation.BelongsTo;
import java.time.Instant;

/**
 * The pivot of User.roles as an entity of its own (Pinia's RoleUser): a composite key over the
 * pivot's two key columns. belongsToMany does not need it; it lets an app work with the rows.
 */
@Entity(table = "roles_users")
public class RoleUser extends BaseEntity<RoleUser> {
    @Id private Long userId;
    @Id private Long roleId;
    private String assignedBy;
    private Instant createdAt;
    private Instant updatedAt;

    public BelongsTo<RoleUser, Role> role() {
        return belongsTo(Role.class);
    }

    public Long getUserId() { return userId; }
    public RoleUser setUserId(Long userId) { this.userId = userId; return this; }
    public Long getRoleId() { return roleId; }
    public RoleUser setRoleId(Long roleId) { this.roleId = roleId; return this; }
    public String getAssignedBy() { return assignedBy; }
    public RoleUser setAssignedBy(String assignedBy) { this.assignedBy = assignedBy; return this; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
