package fr.hubag.eventsourcing;

import fr.hubag.testing.HubInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded to a release whose kernel brings a migration numbered below the service's own (the
 * parked events' V3 after the projection's V120) must start: a user's data directory outlives releases.
 */
class UpgradeMigrationsTest {

    @Test
    void a_later_kernel_migration_applies_over_a_database_that_already_has_the_services_migrations(@TempDir Path dir)
            throws Exception {
        HubInfrastructure infra = HubInfrastructure.get();
        String database = "upgrade_" + ProcessHandle.current().pid();
        infra.createDatabase(database);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(infra.jdbcUrl(database));
        ds.setUser("postgres");
        ds.setPassword("postgres");

        // The previous release: the kernel's first two migrations and a service migration 100.
        Path previous = Files.createDirectories(dir.resolve("previous"));
        copyKernelMigration("V1__event_store.sql", previous);
        copyKernelMigration("V2__idempotency_answers_and_jobs.sql", previous);
        Path service = Files.createDirectories(dir.resolve("service"));
        Files.writeString(service.resolve("V100__service_table.sql"), "CREATE TABLE service_table (id int);");
        Flyway.configure().dataSource(ds).locations("filesystem:" + previous, "filesystem:" + service).load()
                .migrate();

        // This release, with the kernel's defaults as every service reads them.
        boolean outOfOrder = Boolean.parseBoolean(kernelDefaults().getProperty("quarkus.flyway.out-of-order"));
        Flyway.configure().dataSource(ds).outOfOrder(outOfOrder)
                .locations("classpath:db/event-store", "filesystem:" + service).load().migrate();

        assertThat(tableExists(ds, "es_parked_events")).isTrue();
        assertThat(tableExists(ds, "service_table")).isTrue();
    }

    private static void copyKernelMigration(String name, Path to) throws IOException {
        try (InputStream in = resource("db/event-store/" + name)) {
            Files.copy(in, to.resolve(name));
        }
    }

    /** Every META-INF/microprofile-config.properties on the class path (the kernel's among them), merged. */
    private static Properties kernelDefaults() throws IOException {
        Properties p = new Properties();
        var all = KernelFixture.class.getClassLoader().getResources("META-INF/microprofile-config.properties");
        while (all.hasMoreElements()) {
            try (InputStream in = all.nextElement().openStream()) {
                p.load(in);
            }
        }
        return p;
    }

    private static InputStream resource(String path) {
        InputStream in = KernelFixture.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }

    private static boolean tableExists(PGSimpleDataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
