package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Id;

/** An assigned String key. */
@Entity
public class Country extends BaseEntity<Country> {
    @Id private String code;
    private String name;

    public String getCode() { return code; }
    public Country setCode(String code) { this.code = code; return this; }
    public String getName() { return name; }
    public Country setName(String name) { this.name = name; return this; }
}
