package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Post;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading a relation in pages: chunkById pages by key (never by offset), and lazy() streams the
 * rows a page at a time; both through any relation, a belongsToMany's rows with their pivot rows.
 */
class RelationChunkingIT extends DatabaseTest {
    private User ada;
    private List<Role> roles;

    @BeforeEach
    void aUserWithFiveRolesOfSix() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        roles = new ArrayList<>();
        for (String name : List.of("r1", "r2", "r3", "r4", "r5", "other")) {
            roles.add(entities.get(Role.class).create(Map.of("name", name)));
        }
        for (Role role : roles.subList(0, 5)) {
            ada.roles().attach(role, Map.of("assignedBy", "by " + role.getName()));
        }
        statements.reset();
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::getName).toList();
    }

    @Test
    void chunkByIdHandsTheRelatedRowsOverInKeyPagesWithTheirPivotRows() {
        List<List<String>> pages = new ArrayList<>();
        List<String> assignedBy = new ArrayList<>();

        ada.roles().chunkById(2, page -> {
            pages.add(names(page));
            page.forEach(r -> assignedBy.add((String) r.pivot().get("assignedBy")));
        });

        assertEquals(List.of(List.of("r1", "r2"), List.of("r3", "r4"), List.of("r5")), pages);
        assertEquals(List.of("by r1", "by r2", "by r3", "by r4", "by r5"), assignedBy);
    }

    @Test
    void chunkByIdReadsEachPageAfterTheLastKeyNotByOffset() {
        ada.roles().chunkById(2, page -> { });

        assertEquals(3, statements.sql().size());
        assertTrue(statements.sql().stream().noneMatch(sql -> sql.contains("OFFSET")), statements.sql().toString());
        assertTrue(statements.sql().get(2).contains("\"roles\".\"id\" > ?"), statements.sql().get(2));
    }

    @Test
    void chunkByIdKeepsTheCallersConditionsForEveryPage() {
        List<String> read = new ArrayList<>();

        ada.roles().where("name", "<>", "r2").orWhere("name", "r9").chunkById(2, page -> read.addAll(names(page)));

        assertEquals(List.of("r1", "r3", "r4", "r5"), read);
    }

    @Test
    void chunkByIdThroughAHasManyReadsOnlyThatParentsRows() {
        User bob = entities.get(User.class).create(Map.of("email", "bob@example.com"));
        ada.posts().create(Map.of("title", "a1"));
        bob.posts().create(Map.of("title", "b1"));
        ada.posts().create(Map.of("title", "a2"));
        List<String> titles = new ArrayList<>();

        ada.posts().chunkById(1, page -> page.forEach(p -> titles.add(p.getTitle())));

        assertEquals(List.of("a1", "a2"), titles);
    }

    @Test
    void chunkByIdWithAnOrderOfTheCallersIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> ada.roles().orderBy("name").chunkById(2, page -> { }));

        assertTrue(e.getMessage().contains("chunkById on Role") && e.getMessage().contains("order"), e.getMessage());
    }

    @Test
    void lazyStreamsEveryRelatedRowWithItsPivotRow() {
        try (Stream<Role> stream = ada.roles().lazy(2)) {
            assertEquals(List.of("by r1", "by r2", "by r3", "by r4", "by r5"),
                    stream.map(r -> (String) r.pivot().get("assignedBy")).toList());
        }
        assertEquals(3, statements.sql().size());
    }

    @Test
    void lazyReadsOnlyThePagesTheStreamReaches() {
        try (Stream<Role> stream = ada.roles().lazy(2)) {
            assertEquals(List.of("r1", "r2"), stream.limit(2).map(Role::getName).toList());
        }
        assertEquals(1, statements.sql().size());
    }

    @Test
    void lazyOfAnOrderedQueryKeepsTheOrderAcrossPages() {
        try (Stream<Role> stream = ada.roles().orderBy("name", "desc").lazy(2)) {
            assertEquals(List.of("r5", "r4", "r3", "r2", "r1"), stream.map(Role::getName).toList());
        }
    }

    @Test
    void lazyOfALimitedQueryStopsAtTheLimit() {
        try (Stream<Role> stream = ada.roles().orderBy("name").offset(1).limit(3).lazy(2)) {
            assertEquals(List.of("r2", "r3", "r4"), stream.map(Role::getName).toList());
        }
    }

    @Test
    void lazyEagerLoadsTheRelationsOfEachPageInOneStatement() {
        User bob = entities.get(User.class).create(Map.of("email", "bob@example.com"));
        ada.posts().create(Map.of("title", "a1"));
        bob.posts().create(Map.of("title", "b1"));
        entities.get(User.class).create(Map.of("email", "cy@example.com"));
        statements.reset();

        List<String> titles;
        try (Stream<User> users = entities.get(User.class).query().with("posts").lazy(2)) {
            titles = users.flatMap(u -> u.posts().getResults().stream()).map(Post::getTitle).toList();
        }

        assertEquals(List.of("a1", "b1"), titles);
        assertEquals(4, statements.sql().size(), "per page (two users, then one): the users, then their posts");
    }

    @Test
    void lazyWithAPageSizeBelowOneIsRefused() {
        assertThrows(InvalidQueryException.class, () -> ada.roles().lazy(0));
        assertFalse(statements.sql().size() > 0);
    }
}
