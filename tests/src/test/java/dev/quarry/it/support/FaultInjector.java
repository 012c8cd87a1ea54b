package dev.quarry.it.support;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that opens real connections to a database and can make the k-th statement executed
 * through them fail, as a network, a server or an operator would make it fail. It sits where a
 * driver sits, under the connection pool, so the pool sees the failures exactly as it would see a
 * driver's: a statement that fails, a connection that drops, a backend that an administrator ends.
 *
 * <p>Every execution counts ({@code execute}, {@code executeQuery}, {@code executeUpdate},
 * {@code executeLargeUpdate}, {@code executeBatch}, {@code executeLargeBatch}): a test runs an
 * operation once with {@link #reset()} and reads {@link #executed()} to learn how many statements
 * it takes, then {@link #arm arms} a fault at each of them in turn. An armed fault fires once.
 */
public final class FaultInjector implements DataSource {

    /** What happens at the armed statement. */
    public enum Kind {
        /**
         * The database refuses the statement: a real failing statement (division by zero, SQLSTATE
         * 22012) runs on the same connection instead, so the server is left as a real failure leaves
         * it (on PostgreSQL, the transaction is aborted), and its exception is thrown.
         */
        FAIL,
        /** The connection is lost: the physical connection is closed and SQLSTATE 08006 thrown, as a driver does. */
        DROP,
        /**
         * PostgreSQL only: the connection's server process is ended with {@code pg_terminate_backend}
         * from another connection (waiting until it is gone), then the statement runs and meets the
         * driver's own error.
         */
        TERMINATE
    }

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final String url;
    private final boolean postgres;
    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger fired = new AtomicInteger();
    private final java.util.Map<Kind, AtomicInteger> firedByKind = new java.util.EnumMap<>(Kind.class);
    private volatile Kind armedKind;
    private volatile int armedAt;
    private final AtomicReference<SQLException> injected = new AtomicReference<>();
    private volatile boolean awaitingDriverFailure;

    /** Connections to the database at this JDBC URL (with its credentials in the URL, if any). */
    public FaultInjector(String url) {
        this.url = url;
        this.postgres = url.startsWith("jdbc:postgresql:");
        for (Kind kind : Kind.values()) {
            firedByKind.put(kind, new AtomicInteger());
        }
    }

    /** Forgets the count and any armed fault, and starts counting from zero. */
    public void reset() {
        executed.set(0);
        armedKind = null;
        armedAt = 0;
        injected.set(null);
        awaitingDriverFailure = false;
    }

    /** Statements executed since the last {@link #reset()} or {@link #arm}. */
    public int executed() {
        return executed.get();
    }

    /** Counts from zero again and makes the {@code k}-th statement from now fail in this way (once). */
    public void arm(Kind kind, int k) {
        if (kind == Kind.TERMINATE && !postgres) {
            throw new IllegalArgumentException("pg_terminate_backend needs PostgreSQL, not " + url);
        }
        reset();
        armedAt = k;
        armedKind = kind;
    }

    /** True if the armed fault fired since it was armed. */
    public boolean firedSinceArmed() {
        return armedKind == null && armedAt > 0;
    }

    /** How many faults fired since this DataSource was made. */
    public int faultsFired() {
        return fired.get();
    }

    /** How many faults of this kind fired since this DataSource was made. */
    public int faultsFired(Kind kind) {
        return firedByKind.get(kind).get();
    }

    /**
     * The SQLException the last fault produced: the one thrown in place of the statement, or the
     * driver's own after a terminated backend.
     */
    public SQLException injected() {
        return injected.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = DriverManager.getConnection(url);
        int backend = postgres ? backendPid(physical) : -1;
        return proxy(Connection.class, new ConnectionHandler(physical, backend));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials are in the URL");
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Called before every execution: counts it, and fires the armed fault at its statement. */
    private void beforeExecution(Connection physical, int backend) throws SQLException {
        int count = executed.incrementAndGet();
        Kind kind = armedKind;
        if (kind == null || count != armedAt) {
            return;
        }
        armedKind = null; // once
        fired.incrementAndGet();
        firedByKind.get(kind).incrementAndGet();
        switch (kind) {
            case FAIL -> {
                SQLException refused = refusedStatement(physical);
                injected.set(refused);
                throw refused;
            }
            case DROP -> {
                physical.close();
                SQLException lost = new SQLException("Injected fault: the connection was lost (statement " + count + ")",
                        "08006");
                injected.set(lost);
                throw lost;
            }
            case TERMINATE -> {
                terminate(backend);
                awaitingDriverFailure = true;
            }
        }
    }

    private static SQLException refusedStatement(Connection physical) {
        try (Statement statement = physical.createStatement()) {
            statement.execute("SELECT 1 / 0 FROM (VALUES (0)) AS t(x)");
        } catch (SQLException e) {
            return e;
        }
        throw new IllegalStateException("SELECT 1 / 0 did not fail");
    }

    private void terminate(int backend) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url);
             PreparedStatement statement = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            statement.setInt(1, backend);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new IllegalStateException("backend " + backend + " did not end within 10 seconds");
                }
            }
        }
    }

    private void recordDriverFailure(SQLException e) {
        if (awaitingDriverFailure) {
            awaitingDriverFailure = false;
            injected.set(e);
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(FaultInjector.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection physical;
        private final int backend;

        ConnectionHandler(Connection physical, int backend) {
            this.physical = physical;
            this.backend = backend;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = FaultInjector.invoke(physical, method, args);
            if (result instanceof CallableStatement callable) {
                return proxy(CallableStatement.class, new StatementHandler(callable, physical, backend));
            }
            if (result instanceof PreparedStatement prepared) {
                return proxy(PreparedStatement.class, new StatementHandler(prepared, physical, backend));
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, new StatementHandler(statement, physical, backend));
            }
            return result;
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Statement statement;
        private final Connection physical;
        private final int backend;

        StatementHandler(Statement statement, Connection physical, int backend) {
            this.statement = statement;
            this.physical = physical;
            this.backend = backend;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (EXECUTIONS.contains(method.getName())) {
                beforeExecution(physical, backend);
                try {
                    return FaultInjector.invoke(statement, method, args);
                } catch (SQLException e) {
                    recordDriverFailure(e);
                    throw e;
                }
            }
            return FaultInjector.invoke(statement, method, args);
        }
    }

    // ---- the rest of DataSource: not used by the pool -------------------------------------------

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("FaultInjector wraps nothing");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
