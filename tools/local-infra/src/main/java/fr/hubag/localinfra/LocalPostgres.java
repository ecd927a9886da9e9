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

    /**
     * Memory and checkpoints for a server that holds the platform's history, not PostgreSQL's defaults for a
     * machine shared with anything (128 MB of buffers, a checkpoint every 5 minutes or 1 GB of WAL). The buffers
     * are an eighth of the machine's memory, between 128 MB and 2 GB ({@code HUB_PG_SHARED_BUFFERS}, e.g. {@code 512MB},
     * overrides): with 128 MB the read models' indexes no longer fit once a territory holds a few hundred thousand
     * places, and every insert read and dirtied pages outside them. Checkpoints every 15 minutes or 4 GB of WAL write
     * fewer full-page images (each page's first change after a checkpoint is logged whole); a crash then replays
     * more WAL at start (seconds to a minute). Durability is untouched.
     */
    static Map<String, String> memory(long physicalBytes, String sharedBuffersOverride) {
        String buffers = sharedBuffersOverride != null && !sharedBuffersOverride.isBlank()
                ? sharedBuffersOverride.trim()
                : Math.clamp(physicalBytes / 8 / (1024 * 1024), 128, 2048) + "MB";
        if (!buffers.matches("[0-9]+(kB|MB|GB)")) {
            throw new IllegalArgumentException("HUB_PG_SHARED_BUFFERS is a size such as 512MB or 1GB, not " + buffers);
        }
        long effectiveCache = Math.clamp(physicalBytes / 2 / (1024 * 1024), 512, 65_536);
        return Map.of(
                "shared_buffers", buffers,
                "effective_cache_size", effectiveCache + "MB",
                "checkpoint_timeout", "15min",
                "max_wal_size", "4GB");
    }

    private static long physicalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
    }

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
        memory(physicalMemory(), System.getenv("HUB_PG_SHARED_BUFFERS")).forEach(builder::setServerConfig);
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
