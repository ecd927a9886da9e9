package fr.hubag.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL for the platform on one machine, without installing anything: real PostgreSQL binaries from Maven
 * Central (zonky), a data folder that survives restarts, and one database per service created if missing.
 * {@code ./hub start} runs it; SIGTERM stops the server cleanly.
 *
 * <p>Durable, unlike zonky's defaults: zonky starts the server with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}, which suits throwaway test databases (the test kit keeps them) but loses
 * acknowledged events, or corrupts the data folder, on a power cut. See {@link #DURABILITY}.
 *
 * <p>Usage: {@code LocalPostgres --data DIR --port PORT --databases a,b,c}
 */
public final class LocalPostgres {

    /**
     * Passed as {@code -c name=value} after zonky's {@code -F}, so they win over it. A commit is acknowledged only
     * once its WAL is on disk; full_page_writes (already PostgreSQL's default) is pinned so that a torn page can
     * always be repaired from the WAL.
     */
    static final Map<String, String> DURABILITY = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    /**
     * Only for the commands benchmark's comparison (tools/bench/commands): {@code HUB_PG_NON_DURABLE=1} starts the
     * server as zonky would, without fsync and with asynchronous commits. Never for data anyone keeps.
     */
    static final Map<String, String> NON_DURABLE = Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "on");

    private LocalPostgres() {}

    /** The server {@code ./hub} runs, on a data folder kept across restarts. */
    static EmbeddedPostgres.Builder builder(Path data, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                // the hook in main stops the server; zonky's own would race with it
                .setRegisterShutdownHook(false)
                // no authentication beyond the postgres password: loopback only
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200");
        boolean nonDurable = "1".equals(System.getenv("HUB_PG_NON_DURABLE"));
        if (nonDurable) {
            System.out.println("WARNING: PostgreSQL runs WITHOUT durability (HUB_PG_NON_DURABLE=1, benchmarks only)");
        }
        (nonDurable ? NON_DURABLE : DURABILITY).forEach(builder::setServerConfig);
        return builder;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(option(args, "--data", ".hub/pg"));
        int port = Integer.parseInt(option(args, "--port", "15432"));
        List<String> databases = List.of(option(args, "--databases", "").split(","));
        Files.createDirectories(data);
        EmbeddedPostgres postgres = builder(data, port).start();
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
