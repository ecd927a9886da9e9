package fr.hubag.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real parts every test needs, started once per test JVM: an embedded PostgreSQL server (zonky, real
 * binaries), a single-node KRaft Kafka broker inside the JVM (Kafka's own test kit). Test tokens are signed by
 * {@link TestKeys}, which needs neither. No Docker, nothing to install: {@code ./mvnw verify} brings them up itself.
 */
public final class HubInfrastructure {

    private static volatile HubInfrastructure instance;

    private final EmbeddedPostgres postgres;
    private final KafkaClusterTestKit kafka;

    private HubInfrastructure() throws Exception {
        long start = System.nanoTime();
        // Zonky's own shutdown hook is off: the single hook below stops Kafka, then PostgreSQL, in that order.
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        serverConfig().forEach(server::setServerConfig);
        postgres = server.start();
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                // Our own folder, deleted by kafka.close() once the broker has stopped. Without it the kit takes one
                // from Kafka's TestUtils, which deletes it in a shutdown hook of its own, concurrently with ours:
                // when the folder goes first, the still-running broker fails a write, finds its only log dir
                // offline and calls Exit.halt(1), so the test JVM exits with 1 after every test has passed.
                .setBaseDirectory(Files.createTempDirectory("hub-test-kafka"))
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "hub-test-infra-shutdown"));
        System.out.printf("[hub-test] PostgreSQL on %d, Kafka on %s, up in %d ms%n", postgres.getPort(),
                kafka.bootstrapServers(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Settings for the test server beyond zonky's, from {@code -Dhub.test.postgres=name=value,name=value}: the
     * benchmarks pass the runtime's memory and checkpoints ({@code ./hub}'s LocalPostgres: shared_buffers an eighth
     * of the machine's memory, max_wal_size 4GB, checkpoint_timeout 15min), which a million rows need and the suite
     * does not. Empty by default.
     */
    static Map<String, String> serverConfig() {
        return serverConfig(System.getProperty("hub.test.postgres", ""));
    }

    static Map<String, String> serverConfig(String given) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String setting : given.split(",")) {
            if (setting.isBlank()) {
                continue;
            }
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("hub.test.postgres: name=value expected, not " + setting);
            }
            config.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
        }
        return config;
    }

    public static HubInfrastructure get() {
        if (instance == null) {
            synchronized (HubInfrastructure.class) {
                if (instance == null) {
                    try {
                        instance = new HubInfrastructure();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot start the test infrastructure", e);
                    }
                }
            }
        }
        return instance;
    }

    public int postgresPort() { return postgres.getPort(); }

    public String bootstrapServers() { return kafka.bootstrapServers(); }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /**
     * A transaction left open, holding a transaction id, in a database of its own on the same server (rolled back on
     * close): transaction ids are shared by every database, so a reader of a service's events in commit order must not
     * wait for it (the visibility horizon's tests).
     */
    public Connection transactionOpenElsewhere() throws java.sql.SQLException {
        createDatabase("elsewhere");
        Connection held = java.sql.DriverManager.getConnection(jdbcUrl("elsewhere"), "postgres", "postgres");
        held.setAutoCommit(false);
        try (Statement touch = held.createStatement()) {
            touch.executeQuery("SELECT pg_current_xact_id()").close();
        }
        return held;
    }

    /** Creates the database if it does not exist yet (each service has its own, as in production). */
    public synchronized void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    private void close() {
        try {
            kafka.close(); // stops the broker, then deletes its folder
        } catch (Exception ignored) {
            // the JVM is going away
        }
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }
}
