package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.quarry.QuarryException;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.HostileStrings;
import dev.quarry.naming.NamingStrategy;
import dev.quarry.relation.BelongsToMany;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every string of the hostile corpus ({@code hostile-strings.txt}) tried at every place a name
 * reaches SQL: entity mapping names, relation table and key overrides, columns in
 * where/orWhere/whereIn/whereNull/orderBy, operators and sort directions, pivot columns
 * (wherePivot, withPivot, orderByPivot, pivot attributes), relation names (has, whereHas,
 * withCount, with), scope names, upsert's uniqueBy and update columns, and the attribute names of
 * create, fill, setAttribute and bulk update. Each must be refused with a Quarry error before any
 * statement runs; after each place, a checksum of every table shows nothing changed.
 */
class HostileNamesIT extends DatabaseTest {

    /** A user mapped a second time, whose belongsToMany overrides take the name under test. */
    @Entity(value = "HostileOverrides", module = "hostile", table = "users")
    static class HostileOverrides extends BaseEntity<HostileOverrides> {
        static volatile String name = "roles_users";
        Long id;
        String email;

        public BelongsToMany<HostileOverrides, Role> byTable() {
            return belongsToMany(Role.class).table(name).foreignPivotKey("userId").relatedPivotKey("roleId");
        }

        public BelongsToMany<HostileOverrides, Role> byForeignPivotKey() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey(name).relatedPivotKey("roleId");
        }

        public BelongsToMany<HostileOverrides, Role> byRelatedPivotKey() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId").relatedPivotKey(name);
        }

        public BelongsToMany<HostileOverrides, Role> byParentKey() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId").relatedPivotKey("roleId")
                    .parentKey(name);
        }

        public BelongsToMany<HostileOverrides, Role> byRelatedKey() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId").relatedPivotKey("roleId")
                    .relatedKey(name);
        }
    }

    private long adaId;
    private long roleId;
    private String checksum;

    @BeforeEach
    void seed() throws Exception {
        adaId = insertUserRow("ada@example.com", "Ada", 36);
        insertUserRow("bob@example.com", "Bob", 41);
        roleId = entities.get(Role.class).create(Map.of("name", "admin")).getId();
        entities.get(User.class).findOrFail(adaId).roles().attach(roleId, Map.of("assignedBy", "root"));
        entities.get(Country.class).create(Map.of("code", "NL", "name", "Netherlands"));
        checksum = checksumOfEveryTable();
        statements.reset();
    }

    /** The places a name reaches SQL, each a call that must refuse {@code name}. */
    private Map<String, Consumer<String>> places() {
        Map<String, Consumer<String>> places = new LinkedHashMap<>();
        places.put("Entities.get(name)", name -> entities.get(name));
        places.put("mapping name", name -> new EntityRegistry(Map.of(HostileOverrides.class, name), NamingStrategy.quick()));
        places.put("where(name, value)", name -> users().where(name, "x").get());
        places.put("where(name, op, value)", name -> users().where(name, "=", "x").get());
        places.put("orWhere(name, value)", name -> users().where("name", "Ada").orWhere(name, "x").get());
        places.put("whereIn(name, values)", name -> users().whereIn(name, List.of(1)).get());
        places.put("whereNull(name)", name -> users().whereNull(name).get());
        places.put("where(column, operator)", name -> users().where("email", name, "x").get());
        places.put("orderBy(name)", name -> users().orderBy(name).get());
        places.put("orderBy(column, direction)", name -> users().orderBy("email", name).get());
        places.put("firstWhere(name, value)", name -> entities.get(User.class).firstWhere(name, "x"));
        places.put("where(name) then delete()", name -> users().where(name, "x").delete());
        places.put("bulk update(Map.of(name, v))", name -> users().update(Map.of(name, "x")));
        places.put("scope(name)", name -> users().scope(name).get());
        places.put("has(name)", name -> users().has(name).get());
        places.put("whereHas(name, ...)", name -> users().whereHas(name, q -> { }).get());
        places.put("withCount(name)", name -> users().withCount(name).get());
        places.put("with(name)", name -> users().with(name).get());
        places.put("create({name: v})", name -> entities.get(User.class).create(orderedMap("email", "new@example.com", name, "x")));
        places.put("fill({name: v}).save()", name -> ada().fill(orderedMap("name", "Changed", name, "x")).save());
        places.put("setAttribute(name, v).save()", name -> ada().setAttribute(name, "x").save());
        places.put("upsert uniqueBy", name -> entities.get(Country.class)
                .upsert(List.of(Map.of("code", "NL", "name", "Holland")), List.of(name)));
        places.put("upsert update columns", name -> entities.get(Country.class)
                .upsert(List.of(Map.of("code", "NL", "name", "Holland")), List.of("code"), List.of(name)));
        places.put("upsert row attribute", name -> entities.get(Country.class)
                .upsert(List.of(orderedMap("code", "NL", name, "Holland")), List.of("code")));
        places.put("relation where(name, value)", name -> ada().roles().where(name, "x").get());
        places.put("wherePivot(name, value)", name -> ada().roles().wherePivot(name, "x").get());
        places.put("wherePivot(column, operator)", name -> ada().roles().wherePivot("assignedBy", name, "x").get());
        places.put("wherePivotIn(name, values)", name -> ada().roles().wherePivotIn(name, List.of("x")).get());
        places.put("wherePivotNull(name)", name -> ada().roles().wherePivotNull(name).get());
        places.put("withPivot(name)", name -> ada().roles().withPivot(name).get());
        places.put("orderByPivot(name)", name -> ada().roles().orderByPivot(name).get());
        places.put("orderByPivot(column, direction)", name -> ada().roles().orderByPivot("assignedBy", name).get());
        places.put("wherePivot(name) then detach()", name -> ada().roles().wherePivot(name, "x").detach());
        places.put("attach pivot attribute", name -> ada().roles().attach(roleId, Map.of(name, "x")));
        places.put("sync pivot attribute", name -> ada().roles().sync(Map.of(roleId, Map.of(name, "x"))));
        places.put("updateExistingPivot attribute", name -> ada().roles().updateExistingPivot(roleId, Map.of(name, "x")));
        places.put("belongsToMany table(name)", name -> overridden(name).byTable().get());
        places.put("belongsToMany table(name) attach", name -> overridden(name).byTable().attach(roleId));
        places.put("foreignPivotKey(name)", name -> overridden(name).byForeignPivotKey().get());
        places.put("foreignPivotKey(name) detach", name -> overridden(name).byForeignPivotKey().detach());
        places.put("relatedPivotKey(name)", name -> overridden(name).byRelatedPivotKey().get());
        places.put("relatedPivotKey(name) sync", name -> overridden(name).byRelatedPivotKey().sync(List.of()));
        places.put("parentKey(name)", name -> overridden(name).byParentKey().get());
        places.put("relatedKey(name)", name -> overridden(name).byRelatedKey().get());
        return places;
    }

    @TestFactory
    Stream<DynamicNode> everyHostileNameIsRefusedBeforeAnySqlAtEveryPlace() {
        List<DynamicNode> nodes = new ArrayList<>();
        places().forEach((place, call) -> {
            List<DynamicNode> cases = new ArrayList<>();
            for (String name : HostileStrings.all()) {
                cases.add(dynamicTest("<" + HostileStrings.label(name) + ">", () -> assertRefusedBeforeAnyStatement(place, name, call)));
            }
            cases.add(dynamicTest("every table unchanged", () -> assertEquals(checksum, checksumOfEveryTable())));
            nodes.add(dynamicContainer(place, cases));
        });
        return nodes.stream();
    }

    private void assertRefusedBeforeAnyStatement(String place, String name, Consumer<String> call) {
        statements.reset();
        QuarryException refused = assertThrows(QuarryException.class, () -> call.accept(name),
                place + " must refuse " + HostileStrings.label(name));
        assertEquals(List.of(), statements.sql(), place + " ran SQL for " + HostileStrings.label(name));
        assertFalse(refused.getMessage().isBlank());
        assertFalse(refused.getMessage().contains("\u0000"), "a raw NUL in the message: " + refused.getMessage());
        assertTrue(refused.getMessage().startsWith("[Quarry/"), refused.getMessage());
    }

    private dev.quarry.query.Query<User> users() {
        return entities.get(User.class).query();
    }

    private User ada() {
        User ada = entities.get(User.class).findOrFail(adaId);
        statements.reset();
        return ada;
    }

    private HostileOverrides overridden(String name) {
        HostileOverrides.name = name;
        HostileOverrides user = entities.<HostileOverrides>get("HostileOverrides@hostile").findOrFail(adaId);
        statements.reset();
        return user;
    }

    /** A digest of every row of every table, read straight through JDBC. */
    private String checksumOfEveryTable() throws Exception {
        return jdbi.withHandle(h -> {
            DatabaseMetaData meta = h.getConnection().getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && (schema.equalsIgnoreCase("public"))) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            Map<String, List<String>> contents = new TreeMap<>();
            for (String table : tables) {
                contents.put(table, h.createQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"").mapToMap().list()
                        .stream().map(row -> new TreeMap<>(row).toString()).sorted().toList());
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return contents.size() + " tables, " + HexFormat.of().formatHex(digest.digest(contents.toString().getBytes(StandardCharsets.UTF_8)));
        });
    }
}
