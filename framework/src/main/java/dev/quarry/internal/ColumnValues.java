package dev.quarry.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row's values of a few columns, as an unmodifiable map whose labels are shared by every row of
 * a result set: the extra columns of a row (pivot columns, counts) cost one array per row instead of
 * a hash map with a node per column. Lookups scan the labels, which are few. Values may be null.
 *
 * <pre>{@code
 * String[] labels = {"userId", "roleId"};          // once per result set
 * Map<String, Object> row = new ColumnValues(labels, new Object[] {7L, 3L});
 * }</pre>
 */
public final class ColumnValues extends AbstractMap<String, Object> {
    private final String[] labels;
    private final Object[] values;

    /** Takes both arrays as they are (no copy): {@code labels} must be distinct and never change. */
    public ColumnValues(String[] labels, Object[] values) {
        if (labels.length != values.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + values.length + " values");
        }
        this.labels = labels;
        this.values = values;
    }

    private int indexOf(Object label) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(label)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < labels.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= labels.length) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(labels[at], values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return labels.length;
            }
        };
    }
}
