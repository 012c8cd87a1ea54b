package dev.quarry.relation;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;

/** Resolves the key attributes a relation joins on, from names given as attributes or columns. */
final class KeyPairs {
    private KeyPairs() {}

    /** The attributes named (by attribute or column name), or {@code defaults} when {@code names} is null. */
    static List<Attribute> attributes(EntityMetadata<?> entity, List<String> names, List<Attribute> defaults,
                                      String owner, String relation, String what) {
        if (names == null) {
            return defaults;
        }
        List<Attribute> attributes = new ArrayList<>();
        for (String name : names) {
            attributes.add(entity.findAttribute(name).or(() -> entity.findAttributeByColumn(name))
                    .orElseThrow(() -> new InvalidRelationException(owner, relation, "its " + what + " "
                            + Identifiers.printable(name) + " is not an attribute of " + entity.name()
                            + "; it has " + entity.attributeNames() + ".")));
        }
        return attributes;
    }

    /** The attributes stored in the columns the convention names, or a clear error naming the field to add. */
    static List<Attribute> byColumns(EntityMetadata<?> entity, List<String> columns, String owner, String relation, String what) {
        List<Attribute> attributes = new ArrayList<>();
        for (String column : columns) {
            attributes.add(entity.findAttributeByColumn(column).or(() -> entity.findAttribute(column))
                    .orElseThrow(() -> new InvalidRelationException(owner, relation, entity.name() + " has no attribute for its "
                            + what + " column " + Identifiers.printable(column) + ": add a field for it (e.g. `Long " + column
                            + ";`), or name the " + what + " in the relation's declaration.")));
        }
        return attributes;
    }

    static void requireSameSize(List<Attribute> a, List<Attribute> b, String owner, String relation) {
        if (a.size() != b.size()) {
            throw new InvalidRelationException(owner, relation, "it joins " + a + " to " + b
                    + ", which have different numbers of columns; give one key column per key attribute.");
        }
    }
}
