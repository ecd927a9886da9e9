package fr.hubag.actors.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.actors.infra.ActorStreams;
import fr.hubag.actors.infra.PlaceKeyIndex;
import fr.hubag.actors.infra.importing.CsvSource;
import fr.hubag.actors.infra.importing.RowReader;
import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.domain.Territory;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static fr.hubag.testing.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's memory and rate: 10 000 rows into an empty census (the rate), then — the census seeded with
 * {@code hub.bench.census} (100 000) places written straight into the event store — 10 000 and 65 000 rows (about
 * 16 MB, the largest file the gateway accepts), sampling the heap every 5 ms. Meant to run in the runtime's heap:
 * <pre>{@code ./hub test -pl services/actors -Dtest=ImportMemoryBenchmark -Dhub.bench=true \
 *   -Dhub.test.jvm='-Xmx256m -XX:+UseSerialGC' -Dsurefire.failIfNoSpecifiedTests=false}</pre>
 * The test JVM also holds the test's Kafka broker (idle: the relay is off here) and the client, which streams the
 * report and keeps only its summary. Asserts every row imported; prints the figures.
 */
@QuarkusTest
@TestProfile(ImportMemoryBenchmark.RelayOff.class)
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class ImportMemoryBenchmark {

    /** The relay publishing 100 000 seeded events would measure the relay, not the import. */
    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.relay.enabled", "false");
        }
    }

    @Inject
    Pool pool;

    @Inject
    PlaceKeyIndex keys;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/api/actors/imports")
    URL imports;

    @Test
    void importsWithinTheHeap() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int census = Integer.getInteger("hub.bench.census", 100_000);
        System.out.printf("%nIMPORT MEMORY BENCHMARK (max heap %d MB)%n",
                Runtime.getRuntime().maxMemory() / 1_000_000);
        measure("empty census", 10_000, 0);

        long seeding = System.nanoTime();
        seed(census);
        System.out.printf("  census of %d seeded in %.1f s%n", census, (System.nanoTime() - seeding) / 1e9);
        long catching = System.nanoTime();
        long applied = keys.catchUp();
        System.out.printf("  duplicate keys of %d events indexed in %.1f s%n", applied,
                (System.nanoTime() - catching) / 1e9);
        measure("census of " + census, 10_000, 1);
        measure("census of " + census, 65_000, 2);
    }

    private void measure(String into, int rows, int run) throws Exception {
        Path file = Files.createTempFile("bench-import-", ".csv");
        try {
            writeFile(file, rows, run);
            assertThat(Files.size(file)).as("the largest body accepted").isLessThanOrEqualTo(16 * 1024 * 1024);
            System.gc();
            long before = heapUsed();
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long start = System.nanoTime();
            JsonNode summary = post(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            sampler.join();
            assertThat(summary.path("created").asLong()).as(summary.toString()).isEqualTo(rows);
            System.out.printf("  %,d rows (%.1f MB) into %s: %.1f s, %.0f rows/s (server %d ms), %d merge candidates;"
                            + " heap before %d MB, peak used %d MB, peak old generation after a GC %d MB%n",
                    rows, Files.size(file) / 1e6, into, seconds, rows / seconds, summary.path("millis").asLong(),
                    summary.path("mergeCandidates").asLong(), before / 1_000_000, sampler.peak / 1_000_000,
                    sampler.peakAfterGc / 1_000_000);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Sends the file from disk and reads the report as a stream, keeping only its summary. */
    private JsonNode post(Path file) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(imports.toString()))
                .header("Authorization", bearer(TestTokens.coordinator("MQ"))).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body(); JsonParser parser = json.getFactory().createParser(body)) {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode summary = null;
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("summary")
                        && summary == null) {
                    parser.nextToken();
                    summary = json.readTree(parser);
                }
            }
            return summary;
        }
    }

    /**
     * Rows of run {@code run}: new places half a grid step (55 m) off the census's positions — north, east or both
     * for runs 0, 1 and 2, so that no run lands on an earlier one — and one in a hundred a twin of a census place
     * (same name, address and position, another phone): the merge candidates.
     */
    private static void writeFile(Path file, int rows, int run) throws Exception {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            for (int i = 0; i < rows; i++) {
                int n = 1_000_000 * (run + 1) + i;
                int phone = 100_000 * (run + 2) + i; // the census has 0596000000 to 0596099999
                boolean twin = i % 100 == 0;
                out.write(twin ? row("bench-" + run + "-" + i, n, "Lieu " + i, i + " rue du Bourg", phone, i, 0, 0)
                        : row("bench-" + run + "-" + i, n, "Lieu " + run + "-" + i, i + " rue " + run, phone, i,
                                run == 1 ? 0 : 0.0005, run == 0 ? 0 : 0.0005));
            }
        }
    }

    static final String HEADER = "id,pivot,nom,commune,code_postal,code_insee,adresse,latitude,longitude,typologie,"
            + "telephone,horaires,date_maj,services,publics_specifiquement_adresses,frais_a_charge,modalites_acces,"
            + "modalites_accompagnement\n";

    /**
     * A place of Martinique at a position of a grid of 300 × 300 points about 110 m apart (shifted), with phone
     * number {@code phone} (six digits after 0596).
     */
    static String row(String id, int n, String name, String address, int phone, int position, double north,
                      double east) {
        String[] c = ImportBenchmark.COMMUNES[position % ImportBenchmark.COMMUNES.length];
        double lat = 14.45 + (position % 300) * 0.001 + north;
        double lon = -61.15 + (position / 300 % 300) * 0.001 + east;
        return id + "," + ImportBenchmark.siret(n) + "," + name + "," + c[0] + "," + c[1] + "," + c[2] + "," + address
                + String.format(Locale.ROOT, ",%.5f,%.5f", lat, lon) + ",EPN,0596" + String.format("%06d", phone)
                + ",Mo-Fr 08:00-12:00,2026-11-01,Aide aux démarches administratives,Seniors,Gratuit,"
                + "Se présenter|Téléphoner,Accompagnement individuel\n";
    }

    /** The census, written straight into the event store (one ActorRegistered per actor), 5 000 per transaction. */
    private void seed(int census) {
        RowReader reader = new RowReader(false, false);
        String type = null;
        int version = 0;
        for (int from = 0; from < census; from += 5_000) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = from; i < Math.min(census, from + 5_000); i++) {
                csv.append(row("census-" + i, i, "Lieu " + i, i + " rue du Bourg", i, i, 0, 0));
            }
            List<String> ids = new ArrayList<>();
            List<String> payloads = new ArrayList<>();
            CsvSource rows = new CsvSource(new StringReader(csv.toString()));
            while (rows.hasNext()) {
                RowReader.Ready ready = (RowReader.Ready) reader.read(rows.next(), Set.of(Territory.MQ));
                ActorEvent event = new ActorEvent.ActorRegistered(ready.actorId(), Territory.MQ, ready.place(),
                        Instant.now());
                ids.add(ready.actorId().toString());
                payloads.add(ActorStreams.CODEC.encode(event));
                type = ActorStreams.CODEC.typeOf(event);
                version = ActorStreams.CODEC.schemaVersionOf(event);
            }
            String eventType = type;
            int schemaVersion = version;
            Tuple streams = Tuple.tuple().addArrayOfString(ids.toArray(String[]::new));
            Tuple events = Tuple.tuple().addArrayOfString(ids.toArray(String[]::new))
                    .addArrayOfString(payloads.toArray(String[]::new)).addString(eventType).addInteger(schemaVersion);
            pool.withTransaction(tx -> tx.preparedQuery("""
                            INSERT INTO es_streams (stream_id, stream_type, territory, version)
                            SELECT id, 'actor', 'MQ', 1 FROM unnest($1::text[]) AS id""").execute(streams)
                    .flatMap(done -> tx.preparedQuery("""
                            INSERT INTO es_events (event_id, stream_id, stream_version, event_type, schema_version,
                                                   payload, occurred_at)
                            SELECT gen_random_uuid(), id, 1, $3, $4, payload::jsonb, now()
                              FROM unnest($1::text[], $2::text[]) AS t(id, payload)""").execute(events)))
                    .await().indefinitely();
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap used (garbage included) and the old generation after each collection, at their highest. */
    static final class HeapSampler extends Thread {
        volatile long peak;
        volatile long peakAfterGc;
        private final List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null
                        && (p.getName().contains("Old") || p.getName().contains("Tenured"))).toList();

        HeapSampler() {
            setDaemon(true);
            old.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, heapUsed());
                for (MemoryPoolMXBean pool : old) {
                    peakAfterGc = Math.max(peakAfterGc, pool.getCollectionUsage().getUsed());
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
