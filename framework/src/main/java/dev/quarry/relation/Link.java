package dev.quarry.relation;

import java.util.List;

/**
 * How one relation joins its parent's table to its related table, as columns: directly
 * ({@code posts.userId = users.id}) or through a pivot table. A chain of links is how
 * {@link HasManyThrough} walks several relations in one statement.
 *
 * @param parentColumns columns of the parent's table
 * @param pivotTable the pivot table between them, or null for a direct link
 * @param pivotParentColumns pivot columns equal to {@code parentColumns} (pivot links only)
 * @param pivotRelatedColumns pivot columns equal to {@code relatedColumns} (pivot links only)
 * @param relatedColumns columns of the related table
 */
record Link(List<String> parentColumns, String pivotTable, List<String> pivotParentColumns,
            List<String> pivotRelatedColumns, List<String> relatedColumns) {

    static Link direct(List<String> parentColumns, List<String> relatedColumns) {
        return new Link(parentColumns, null, List.of(), List.of(), relatedColumns);
    }

    boolean hasPivot() {
        return pivotTable != null;
    }
}
