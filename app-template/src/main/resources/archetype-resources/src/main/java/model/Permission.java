package ${package}.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Something a role allows, such as "posts.write": table "permissions". */
@Entity
public class Permission extends BaseEntity<Permission> {
    private Long id;
    @NotBlank @Size(max = 100) private String name;

    public Long getId() { return id; }
    public String getName() { return name; }
    public Permission setName(String name) { this.name = name; return this; }
}
