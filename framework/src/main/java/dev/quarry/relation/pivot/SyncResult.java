package dev.quarry.relation.pivot;

import java.util.List;

/**
 * What a {@code sync} changed: the related ids attached, detached, and those whose pivot
 * attributes were updated. A composite key comes as a {@link dev.quarry.entity.Key}.
 *
 * <pre>{@code
 * SyncResult result = post.tags().sync(List.of(2, 3, 6));
 * result.attached();   // [6]
 * result.detached();   // [1, 4]
 * }</pre>
 *
 * @param attached ids newly attached, in the order given
 * @param detached ids detached
 * @param updated ids whose pivot attributes changed
 */
public record SyncResult(List<Object> attached, List<Object> detached, List<Object> updated) {

    public SyncResult {
        attached = List.copyOf(attached);
        detached = List.copyOf(detached);
        updated = List.copyOf(updated);
    }

    /** True if the sync changed nothing. */
    public boolean isEmpty() {
        return attached.isEmpty() && detached.isEmpty() && updated.isEmpty();
    }
}
