package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.PivotColumns;

/**
 * The inverse of Student.courses, with the keys swapped, in the fluent form. Its pivot column is
 * declared with @PivotColumns (read with every row, and a constant of the metamodel, Course_.Students.GRADE).
 */
@Entity
public class Course extends BaseEntity<Course> {
    private Long id;
    private String ref;
    private String title;

    // snippet:start checked-pivot-declaration
    @PivotColumns("grade")                    // read with every row; Course_.Students.GRADE
    public BelongsToMany<Course, Student> students() {
        return belongsToMany(Student.class).table("enrolments").foreignPivotKey("courseRef").relatedPivotKey("studentCode")
                .parentKey("ref").relatedKey("code");
    }
    // snippet:end

    public Long getId() { return id; }
    public String getRef() { return ref; }
    public Course setRef(String ref) { this.ref = ref; return this; }
    public String getTitle() { return title; }
    public Course setTitle(String title) { this.title = title; return this; }
}
