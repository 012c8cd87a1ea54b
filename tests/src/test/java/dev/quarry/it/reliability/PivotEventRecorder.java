package dev.quarry.it.reliability;

import dev.quarry.event.PivotEvent;
import dev.quarry.event.PivotListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps the "pre" and "post" pivot events of the current model step. */
final class PivotEventRecorder implements PivotListener {
    private final List<PivotEvent> pre = new ArrayList<>();
    private final List<PivotEvent> post = new ArrayList<>();

    @Override
    public synchronized void prePivotChange(PivotEvent event) {
        pre.add(event);
    }

    @Override
    public synchronized void postPivotChange(PivotEvent event) {
        post.add(event);
    }

    synchronized void clear() {
        pre.clear();
        post.clear();
    }

    synchronized List<PivotEvent> pre() {
        return List.copyOf(pre);
    }

    synchronized List<PivotEvent> post() {
        return List.copyOf(post);
    }
}
