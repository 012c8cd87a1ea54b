package dev.quarry.it.model;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** What event handlers saw, in order: one per injector, so each test has its own. */
@Singleton
public final class EventLog {
    private final List<String> lines = new ArrayList<>();

    public synchronized void add(String line) {
        lines.add(line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized void clear() {
        lines.clear();
    }
}
