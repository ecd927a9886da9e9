package fr.hubag.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL for the platform on one machine, without installing anything: real PostgreSQL binaries from Maven
 * Central (zonky), a data folder that survives restarts, and one database per service created if missing.
 * {@code ./hub start} runs it; SIGTERM stops the server cleanly.
 *
 * <p>Usage: {@code LocalPostgres --data DIR --port PORT --databases a,b,c}
 */
public final class LocalPostgres {

    private LocalPostgres() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(option(args, "--data", ".hub/pg"));
        int port = Integer.parseInt(option(args, "--port", "15432"));
        List<String> databases = List.of(option(args, "--databases", "").split(","));
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
            stopped.countDown();
        }, "postgres-shutdown"));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD 'postgres'");
            for (String database : databases) {
                if (database.isBlank()) {
                    continue;
                }
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("bad database name " + database);
                }
                try (ResultSet rs = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE " + database);
                System.out.println("created database " + database);
            }
        }
        System.out.println("READY PostgreSQL on port " + port + ", data in " + data.toAbsolutePath());
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
