package dev.quarry.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A post with tags: the owning side of the many-to-many the write benchmarks change. */
@Entity(name = "Post")
@Table(name = "posts")
public class HibernatePost {
    @Id private Long id;
    private String title;

    @ManyToMany
    @JoinTable(name = "posts_tags", joinColumns = @JoinColumn(name = "postId"),
            inverseJoinColumns = @JoinColumn(name = "tagId"))
    private Set<HibernateTag> tags = new HashSet<>();

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Set<HibernateTag> getTags() { return tags; }
}
