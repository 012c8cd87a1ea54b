package dev.quarry.relation.pivot;

import java.util.List;

/**
 * What a {@code toggle} changed: the ids it attached (they were not attached) and those it
 * detached (they were).
 *
 * <pre>{@code
 * ToggleResult result = user.roles().toggle(1, 2, 3);
 * }</pre>
 *
 * @param attached ids attached
 * @param detached ids detached
 */
public record ToggleResult(List<Object> attached, List<Object> detached) {

    public ToggleResult {
        attached = List.copyOf(attached);
        detached = List.copyOf(detached);
    }
}
