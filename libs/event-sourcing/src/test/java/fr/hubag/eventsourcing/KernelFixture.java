package fr.hubag.eventsourcing;

import fr.hubag.testing.HubInfrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database with the kernel's migrations applied, on the shared embedded PostgreSQL, with both the reactive
 * pool (what services use for commands) and a JDBC data source (what the relay uses).
 */
public final class KernelFixture implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final String database;
    public final Vertx vertx;
    public final Pool pool;
    public final DataSource dataSource;

    public KernelFixture() {
        HubInfrastructure infra = HubInfrastructure.get();
        database = "kernel_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        infra.createDatabase(database);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(infra.jdbcUrl(database));
        ds.setUser("postgres");
        ds.setPassword("postgres");
        dataSource = ds;
        Flyway.configure().dataSource(ds).locations("classpath:db/event-store").load().migrate();
        vertx = Vertx.vertx();
        pool = PgPool.pool(vertx, new PgConnectOptions().setPort(infra.postgresPort()).setHost("localhost")
                .setDatabase(database).setUser("postgres").setPassword("postgres"), new PoolOptions().setMaxSize(16));
    }

    public long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery(sql);
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }
}
