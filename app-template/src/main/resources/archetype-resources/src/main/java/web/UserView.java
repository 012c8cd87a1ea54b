package ${package}.web;

import ${package}.model.Role;
import ${package}.model.User;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it. */
public record UserView(long id, String email, String name, List<String> roles, Instant createdAt) {

    /** The view of a saved user; reads the roles (cached if they were eager-loaded). */
    public static UserView of(User user) {
        List<String> roles = user.getRoles().stream().map(Role::getName).toList();
        return new UserView(user.getId(), user.getEmail(), user.getName(), roles, user.getCreatedAt());
    }
}
