package ${package}.service;

import ${package}.model.Tag;
import dev.quarry.Entities;
import dev.quarry.entity.EntityNotFoundException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Tags: listing, finding and creating them, and checking that ids name existing tags. */
@Singleton
public class TagService {
    private final Entities entities;

    @Inject
    public TagService(Entities entities) {
        this.entities = entities;
    }

    /** Every tag, by name. */
    public List<Tag> list() {
        return entities.get(Tag.class).orderBy("name").get();
    }

    /**
     * The tag with this id.
     *
     * @throws EntityNotFoundException if there is none
     */
    public Tag find(long id) {
        return entities.get(Tag.class).findOrFail(id);
    }

    /**
     * Creates a tag.
     *
     * @throws dev.quarry.validation.EntityValidationException if the name is invalid
     * @throws dev.quarry.sql.DataIntegrityException if the name is taken
     */
    public Tag create(NewTag input) {
        return entities.get(Tag.class).setName(input.name()).save();
    }

    /**
     * Checks that every id names a tag, in one query.
     *
     * @throws EntityNotFoundException naming the ids that match no tag
     */
    public void requireAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> found = entities.get(Tag.class).whereIn("id", ids).get().stream()
                .map(Tag::getId)
                .collect(Collectors.toSet());
        List<Long> missing = ids.stream().filter(id -> !found.contains(id)).distinct().toList();
        if (!missing.isEmpty()) {
            throw new EntityNotFoundException("Tag", "with id " + missing);
        }
    }
}
