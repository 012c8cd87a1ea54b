package dev.quarry.bench.jdbi;

import java.time.LocalDateTime;
import java.util.List;

/** The plain records the floor maps rows to. */
public final class Rows {
    private Rows() {}

    /** A user and its roles (filled while the joined rows are read). */
    public record UserWithRoles(long id, String email, String name, List<RoleRow> roles) {}

    /** A user and its number of roles. */
    public record UserWithRoleCount(long id, String email, String name, long rolesCount) {}

    /** A user. */
    public record UserRow(long id, String email, String name) {}

    /** A role. */
    public record RoleRow(long id, String name) {}

    /** A reading. */
    public record ReadingRow(long id, String sensor, int amount, LocalDateTime takenAt, boolean approved) {}
}
