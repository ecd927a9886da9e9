package fr.hubag.projection;

import fr.hubag.projection.actors.domain.Vocabulary;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;

/**
 * Prints how fast the actors read models are fed and read on this machine, against the same embedded PostgreSQL and
 * in-JVM broker as the tests: projection throughput for N places registered through Kafka into one territory (each
 * applied once, to its territory, with its checkpoint; the hub's tables are views of the territories', V127),
 * directory latency over mixed queries, and the time to export the territory. Opt-in, asserts nothing about time:
 * {@code ./mvnw -o test -pl services/projection -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=ProjectionBenchmark -Dhub.bench=true [-Dhub.bench.places=10000]}
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class ProjectionBenchmark {

    static final String[][] COMMUNES = {{"Le Lamentin", "97213", "97232"}, {"Fort-de-France", "97209", "97200"},
            {"Le François", "97210", "97240"}, {"Sainte-Marie", "97228", "97230"}, {"Le Robert", "97222", "97231"}};
    static final String[] WORDS = {"Cyber-base", "Espace numérique", "Médiathèque", "Tiers-lieu", "Maison France",
            "Atelier", "Point relais", "Fabrique", "Bibliothèque", "Centre social"};

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URI root;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void projectionAndReadRates() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int places = Integer.getInteger("hub.bench.places", 10_000);
        String tag = Api.tag();
        Random random = new Random(42);
        long before = count(tag);

        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>(places * 2);
        int events = 0;
        for (int i = 0; i < places; i++) {
            ActorStream actor = ActorStream.create("MQ");
            String[] commune = COMMUNES[i % COMMUNES.length];
            JsonObject place = Places.commune(Places.place("MQ", WORDS[i % WORDS.length] + " " + tag + " " + i),
                    commune[0], commune[1], commune[2]);
            Places.with(place, "services", Vocabulary.SERVICES.get(i % Vocabulary.SERVICES.size()),
                    Vocabulary.SERVICES.get((i + 3) % Vocabulary.SERVICES.size()));
            Places.with(place, "publics", Vocabulary.PUBLICS.get(i % Vocabulary.PUBLICS.size()));
            sent.add(actor.publishAsync("ActorRegistered", Events.registered(actor, place)));
            events++;
            if (i % 3 == 0) {
                sent.add(actor.publishAsync("LabelGranted", Events.labelGranted(actor,
                        Vocabulary.LABELS.get(i % Vocabulary.LABELS.size()), "2025-01-01", null)));
                events++;
            }
        }
        ActorStream.flush();
        for (Future<?> future : sent) {
            future.get();
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.currentTimeMillis() + 600_000;
        while (count(tag) - before < places && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        waitForLabels(tag, places / 3 + (places % 3 == 0 ? 0 : 1), deadline);
        double projectSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%n[bench] projection: %d events (%d places, %d labels) published in %.1f s, projected "
                        + "(its territory, read by the hub's views, once, with checkpoint) in %.1f s from the first "
                        + "send: %.0f events/s%n",
                events, places, events - places, publishSeconds, projectSeconds, events / projectSeconds);

        String base = "/api/projection/territories/MQ/actors?";
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            kinds.computeIfAbsent("free text", k -> new ArrayList<>())
                    .add(base + "q=" + enc(WORDS[random.nextInt(WORDS.length)] + " " + tag));
            kinds.computeIfAbsent("commune", k -> new ArrayList<>())
                    .add(base + "commune=" + COMMUNES[random.nextInt(COMMUNES.length)][1]);
            kinds.computeIfAbsent("service+label on a date", k -> new ArrayList<>())
                    .add(base + "service=" + enc(Vocabulary.SERVICES.get(random.nextInt(9))) + "&label="
                            + enc(Vocabulary.LABELS.get(random.nextInt(Vocabulary.LABELS.size()))) + "&on=2026-06-01");
            kinds.computeIfAbsent("page 2 of everything", k -> new ArrayList<>())
                    .add(base + "q=" + tag + "&page=2&size=50");
        }
        for (int i = 0; i < 40; i++) { // warm-up
            call(kinds.get("free text").get(i % 50));
            call(kinds.get("page 2 of everything").get(i % 50));
        }
        List<Double> all = new ArrayList<>();
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) { // interleaved, as mixed traffic
            for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
                double ms = call(kind.getValue().get(i)).millis();
                all.add(ms);
                byKind.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(ms);
            }
        }
        System.out.printf("[bench] directory: %d mixed queries over %d open places in MQ (HTTP, sequential): %s%n",
                all.size(), count(""), percentiles(all));
        byKind.forEach((kind, ms) -> System.out.printf("[bench]   %-24s %s%n", kind, percentiles(ms)));

        for (String format : List.of("csv", "json")) {
            call("/api/projection/territories/MQ/export?format=" + format);
            Timed export = call("/api/projection/territories/MQ/export?format=" + format);
            System.out.printf("[bench] export %s: %d places, %.1f MB in %.0f ms%n", format, count(""),
                    export.bytes() / 1e6, export.millis());
        }
        System.out.println();
    }

    record Timed(double millis, long bytes) {}

    private Timed call(String path) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(root.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return new Timed(millis, response.body().length);
    }

    private static String percentiles(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
    }

    private long count(String tag) {
        return pool.preparedQuery("SELECT count(*) FROM mq.places WHERE merged_into IS NULL AND closed_on IS NULL "
                        + "AND name LIKE $1")
                .execute(Tuple.of("%" + tag + "%")).await().indefinitely().iterator().next().getLong(0);
    }

    private void waitForLabels(String tag, long expected, long deadline) throws InterruptedException {
        while (System.currentTimeMillis() < deadline && pool.preparedQuery("SELECT count(*) FROM hub.label_grants g "
                        + "JOIN hub.places p ON p.actor_id = g.actor_id WHERE p.name LIKE $1")
                .execute(Tuple.of("%" + tag + "%")).await().indefinitely().iterator().next().getLong(0) < expected) {
            Thread.sleep(200);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
