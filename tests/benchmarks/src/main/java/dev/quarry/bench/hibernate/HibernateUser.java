package dev.quarry.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A user with roles: the idiomatic {@code @ManyToMany} with a {@code Set}, lazy by default. */
@Entity(name = "User")
@Table(name = "users")
public class HibernateUser {
    @Id private Long id;
    private String email;
    private String name;

    @ManyToMany
    @JoinTable(name = "roles_users", joinColumns = @JoinColumn(name = "userId"),
            inverseJoinColumns = @JoinColumn(name = "roleId"))
    private Set<HibernateRole> roles = new HashSet<>();

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public String getName() { return name; }
    public Set<HibernateRole> getRoles() { return roles; }
}
