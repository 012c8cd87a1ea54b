package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;

/** The inverse of Student.courses, with the keys swapped, in the fluent form. */
@Entity
public class Course extends BaseEntity<Course> {
    private Long id;
    private String ref;
    private String title;

    public BelongsToMany<Course, Student> students() {
        return belongsToMany(Student.class).table("enrolments").foreignPivotKey("courseRef").relatedPivotKey("studentCode")
                .parentKey("ref").relatedKey("code").withPivot("grade");
    }

    public Long getId() { return id; }
    public String getRef() { return ref; }
    public Course setRef(String ref) { this.ref = ref; return this; }
    public String getTitle() { return title; }
    public Course setTitle(String title) { this.title = title; return this; }
}
