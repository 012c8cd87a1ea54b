package dev.quarry.entity;

/**
 * How an entity's key gets its value when the entity is first saved.
 *
 * <pre>{@code
 * @Id(generation = KeyGeneration.ASSIGNED) private String code;
 * }</pre>
 */
public enum KeyGeneration {
    /**
     * The default: {@link #IDENTITY} for a single integer key, {@link #UUID} for a single
     * {@code java.util.UUID} key, {@link #ASSIGNED} otherwise (including composite keys).
     */
    AUTO,
    /** The database generates the key (an identity or serial column); Quarry reads it back. */
    IDENTITY,
    /** Quarry generates a random UUID before the insert (the attribute may be a UUID or a String). */
    UUID,
    /** The application sets the key before the first save. */
    ASSIGNED
}
