package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;

/** Related to composite-keyed projects: related pivot keys projectOrgId + projectCode by convention. */
@Entity
public class Developer extends BaseEntity<Developer> {
    private Long id;
    private String name;

    public BelongsToMany<Developer, Project> projects() {
        return belongsToMany(Project.class);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Developer setName(String name) { this.name = name; return this; }
}
