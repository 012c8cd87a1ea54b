package ${package}.service;

import ${package}.model.Role;
import ${package}.model.User;
import dev.quarry.Entities;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** Users: listing, finding and creating them. Every new user gets the "author" role. */
@Singleton
public class UserService {
    /** The role the migrations create for people who write posts. */
    public static final String DEFAULT_ROLE = "author";

    private final Entities entities;

    @Inject
    public UserService(Entities entities) {
        this.entities = entities;
    }

    /** Every user, oldest first, with their roles loaded in one more query. */
    public List<User> list() {
        return entities.get(User.class).query().with("roles").orderBy("id").get();
    }

    /**
     * The user with this id.
     *
     * @throws dev.quarry.entity.EntityNotFoundException if there is none
     */
    public User find(long id) {
        return entities.get(User.class).query().with("roles").findOrFail(id);
    }

    /**
     * Creates a user with the default role, in one transaction.
     *
     * @throws dev.quarry.validation.EntityValidationException if the email or name is invalid
     * @throws dev.quarry.sql.DataIntegrityException if the email is taken
     */
    public User create(NewUser input) {
        return entities.transaction(() -> {
            User user = entities.get(User.class).setEmail(input.email()).setName(input.name()).save();
            user.setRoles(defaultRole());
            return user;
        });
    }

    private Role defaultRole() {
        return entities.get(Role.class).query().where("name", DEFAULT_ROLE).firstOrFail();
    }
}
