package fr.hubag.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus service under test at the shared {@link HubInfrastructure}: its own database (init arg
 * {@code database}), the in-JVM Kafka broker and the test signing key. Dev Services stay off: they need Docker.
 */
public class HubTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        HubInfrastructure infra = HubInfrastructure.get();
        infra.createDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", infra.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                // spans reach a test's exporter within 0.1 s instead of 5 s
                "quarkus.otel.bsp.schedule.delay", "100ms",
                // every trace recorded, so a test can follow one (the runtime samples a tenth of them)
                "quarkus.otel.traces.sampler.arg", "1.0");
    }

    @Override
    public void stop() {
        // shared for the whole JVM; stopped by a shutdown hook
    }
}
