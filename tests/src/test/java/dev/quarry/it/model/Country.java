package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Id;

/** An assigned String key. */
// snippet:start entities-country
@Entity
public class Country extends BaseEntity<Country> {
    @Id private String code;               // AUTO: ASSIGNED
    private String name;
    // snippet:hide getters and setters

    public String getCode() { return code; }
    public Country setCode(String code) { this.code = code; return this; }
    public String getName() { return name; }
    public Country setName(String name) { this.name = name; return this; }
    // snippet:show
}
// snippet:end
