package dev.quarry.it.reliability;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.quarry.event.PivotListener;
import dev.quarry.inject.QuarryModule;

/**
 * The model-based pivot suite again with a pivot listener bound, so that every operation takes the
 * path that reads whole rows and fires events, and every step also checks the events: one per call
 * that changed rows, none otherwise, with the model's attached, detached and updated ids and the
 * detached rows as they were. A fifth of the sequences of {@link PivotModelIT}, same seeds.
 */
class PivotEventsModelIT extends PivotModelIT {
    private final PivotEventRecorder recorder = new PivotEventRecorder();

    @Override
    protected Module module(QuarryModule.Builder builder) {
        Module quarry = super.module(builder);
        return binder -> {
            binder.install(quarry);
            Multibinder.newSetBinder(binder, PivotListener.class).addBinding().toInstance(recorder);
        };
    }

    @Override
    protected int sequences(int count) {
        return count / 5;
    }

    @Override
    protected ModelRunner configured(ModelRunner runner) {
        return runner.checkingEvents(recorder);
    }
}
