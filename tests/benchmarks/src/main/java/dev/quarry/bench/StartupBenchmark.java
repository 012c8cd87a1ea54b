package dev.quarry.bench;

import com.google.inject.Guice;
import dev.quarry.Entities;
import dev.quarry.bench.db.BenchDatabase;
import dev.quarry.bench.db.Engine;
import dev.quarry.bench.hibernate.HibernateBoot;
import dev.quarry.bench.startup.generated.HibernateStartupEntities;
import dev.quarry.inject.QuarryModule;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Start-up: Quarry builds an injector that registers every entity of the compile-time index (the
 * 200 generated widgets and this module's own); Hibernate builds (and closes) a SessionFactory of
 * the 200 generated widgets. The floor has no entities to register, so it has no entry here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StartupBenchmark {
    static final int GENERATED_ENTITIES = 200;

    @Param({"quarry", "hibernate"})
    public String impl;

    private BenchDatabase database;

    @Setup(Level.Trial)
    public void openDatabase() {
        database = BenchDatabase.create(Engine.HSQLDB);
        int registered = startup();
        if (registered < GENERATED_ENTITIES) {
            throw new IllegalStateException("Expected at least " + GENERATED_ENTITIES + " entities, got " + registered);
        }
    }

    @TearDown(Level.Trial)
    public void closeDatabase() {
        database.close();
    }

    @Benchmark
    public int startup() {
        return impl.equals("quarry") ? startQuarry() : startHibernate();
    }

    /** Builds the injector; returns how many entities it registered. */
    private int startQuarry() {
        Entities entities = Guice.createInjector(QuarryModule.builder().url(database.url()).build()).getInstance(Entities.class);
        return entities.registry().names().size();
    }

    /** Builds and closes the SessionFactory; returns how many entities it mapped. */
    private int startHibernate() {
        try (SessionFactory sessionFactory = HibernateBoot.sessionFactory(database.pool(), HibernateStartupEntities.ALL)) {
            return sessionFactory.getMetamodel().getEntities().size();
        }
    }
}
