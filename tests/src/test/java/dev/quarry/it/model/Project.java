package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Id;
import dev.quarry.relation.BelongsToMany;

/** The composite-key pair: a project is keyed by (orgId, code); developers_projects holds both parts. */
@Entity
public class Project extends BaseEntity<Project> {
    @Id private Long orgId;
    @Id private String code;
    private String name;

    /** By convention: pivot developers_projects, foreign pivot keys projectOrgId + projectCode. */
    public BelongsToMany<Project, Developer> developers() {
        return belongsToMany(Developer.class);
    }

    public Long getOrgId() { return orgId; }
    public Project setOrgId(Long orgId) { this.orgId = orgId; return this; }
    public String getCode() { return code; }
    public Project setCode(String code) { this.code = code; return this; }
    public String getName() { return name; }
    public Project setName(String name) { this.name = name; return this; }
}
