package dev.quarry.bench.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One embedded PostgreSQL server per JVM, started on first use and stopped when the JVM exits. */
final class EmbeddedPostgresServer {
    private static final EmbeddedPostgres SERVER = start();

    private EmbeddedPostgresServer() {}

    /** The JDBC URL of a database on the server. */
    static String url(String database) {
        return "jdbc:postgresql://localhost:" + SERVER.getPort() + "/" + database + "?user=postgres";
    }

    private static EmbeddedPostgres start() {
        try {
            // The same settings as the integration suite: durability is not what is measured.
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("Could not stop the embedded PostgreSQL server: " + e);
        }
    }
}
