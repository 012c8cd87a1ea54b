package dev.quarry.it.docs;

import dev.quarry.it.model.User;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/** The SignUp service of docs/entities.md; EntitiesSamplesIT runs it. */
// snippet:start entities-provider
public class SignUp {
    private final Provider<User> users;

    @Inject
    SignUp(Provider<User> users) {
        this.users = users;
    }

    public User register(String email) {
        return users.get().setEmail(email).save();    // a new User on every call
    }
}
// snippet:end
