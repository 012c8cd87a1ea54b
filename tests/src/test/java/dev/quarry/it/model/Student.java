package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;

/** The custom-key pair: students and courses are related by their codes, not their ids, through "enrolments". */
@Entity
public class Student extends BaseEntity<Student> {
    private Long id;
    private String code;
    private String name;

    /** Quick's positional form: related, table, foreignPivotKey, relatedPivotKey, parentKey, relatedKey. */
    public BelongsToMany<Student, Course> courses() {
        return this.<Course>belongsToMany("Course", "enrolments", "studentCode", "courseRef", "code", "ref")
                .withPivot("grade");
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public Student setCode(String code) { this.code = code; return this; }
    public String getName() { return name; }
    public Student setName(String name) { this.name = name; return this; }
}
