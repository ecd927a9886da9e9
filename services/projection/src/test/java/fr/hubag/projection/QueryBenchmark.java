package fr.hubag.projection;

import fr.hubag.projection.actors.domain.Vocabulary;
import fr.hubag.projection.shared.Cursor;
import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Prints the directory's query latency per kind of query at 10 000 places and again at 1 000 000 in one territory,
 * and the ratio, so "flat as data grows" can be read: the read model is filled by bulk SQL (bench/places.sql, the
 * projector is not measured here), analysed as autovacuum would, then each kind is asked over HTTP, one at a time,
 * with varied parameters. Opt-in, asserts nothing about time (minutes: loading a million places takes most):
 * {@code ./hub test -pl services/projection -Dtest=QueryBenchmark -Dhub.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dhub.bench.small=10000 -Dhub.bench.large=1000000
 * -Dhub.bench.samples=200 -Dhub.bench.budget=30 -Dhub.bench.kinds=export.*]} (the budget: seconds a kind may take
 * at each size; the kinds: a regular expression of their names)
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class QueryBenchmark {

    static final String[] WORDS = {"cyber", "espace numerique", "mediatheque", "tiers", "maison france", "atelier",
            "point relais", "fabrique", "bibliotheque", "centre social"};
    static final String[] COMMUNES = {"97213", "97209", "97210", "97228", "97222", "97229", "97207", "97220",
            "97230", "97217", "97224", "97232"};
    static final String[] COMMUNE_WORDS = {"lamentin", "fort", "francois", "marie", "robert", "schoelcher", "ducos",
            "pilote", "trinite", "marin", "joseph", "vauclin"};
    static final int SAMPLES = Integer.getInteger("hub.bench.samples", 200);
    /** A sample slower than this is printed with its path (the p99 objective at a million places). */
    static final double SLOW_MS = 50;
    static final double BUDGET_MS = Integer.getInteger("hub.bench.budget", 30) * 1000.0;
    /** The kinds measured: those whose name matches this regular expression ({@code -Dhub.bench.kinds=export.*}). */
    static final String ONLY = System.getProperty("hub.bench.kinds", ".*");
    static final String BASE = "/api/projection/territories/MQ";
    static final String HUB = "/api/projection/hub";

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URI root;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void queryCostAtTenThousandAndAMillionPlaces() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int small = Integer.getInteger("hub.bench.small", 10_000);
        int large = Integer.getInteger("hub.bench.large", 1_000_000);
        load(1, small);
        Map<String, List<Double>> atSmall = measure(small);
        load(small + 1, large);
        Map<String, List<Double>> atLarge = measure(large);

        System.out.printf("%n[bench] query latency over HTTP, up to %d samples per kind (n), one at a time, ms%n",
                SAMPLES);
        System.out.printf("[bench] %-40s %22s %22s %15s%n", "kind", small + ": n p50 / p99", large + ": n p50 / p99",
                "ratio p50 / p99");
        atSmall.forEach((kind, before) -> {
            List<Double> after = atLarge.get(kind);
            System.out.printf("[bench] %-40s %4d %7.1f / %7.1f %4d %7.1f / %7.1f %7.2f / %5.2f%n", kind,
                    before.size(), pct(before, 50), pct(before, 99), after.size(), pct(after, 50), pct(after, 99),
                    pct(after, 50) / pct(before, 50), pct(after, 99) / pct(before, 99));
        });
        System.out.println();
    }

    /** The kinds of query, each drawing its parameters from {@code random} among places 1..{@code loaded}. */
    private Map<String, IntFunction<String>> kinds(Random random) {
        Map<String, IntFunction<String>> kinds = new LinkedHashMap<>();
        kinds.put("territory, first page", n -> BASE + "/actors?size=50");
        kinds.put("territory, deep page (cursor)", n -> BASE + "/actors?size=50&cursor=" + new Cursor(
                pick(random, WORDS) + " " + random.nextInt(n), UUID.randomUUID()).token());
        kinds.put("commune", n -> BASE + "/actors?commune=" + pick(random, COMMUNES));
        kinds.put("service", n -> BASE + "/actors?service="
                + enc(Vocabulary.SERVICES.get(random.nextInt(Vocabulary.SERVICES.size()))));
        kinds.put("free text, one word", n -> BASE + "/actors?q=" + enc(pick(random, WORDS).split(" ")[0]));
        kinds.put("free text, two words", n -> BASE + "/actors?q=" + enc(pick(random, WORDS).split(" ")[0] + " "
                + pick(random, COMMUNE_WORDS)));
        kinds.put("service + label on a date", n -> BASE + "/actors?service="
                + enc(Vocabulary.SERVICES.get(random.nextInt(Vocabulary.SERVICES.size()))) + "&label="
                + enc(Vocabulary.LABELS.get(random.nextInt(Vocabulary.LABELS.size()))) + "&on=2026-06-01");
        kinds.put("holders of a label on a date", n -> BASE + "/labels/"
                + enc(Vocabulary.LABELS.get(random.nextInt(Vocabulary.LABELS.size()))) + "/actors?on=2026-06-01");
        kinds.put("one place", n -> BASE + "/actors/" + placeId(1 + random.nextInt(n)));
        kinds.put("aidants of a place", n -> BASE + "/actors/" + placeId(1 + random.nextInt(n)) + "/aidants");
        kinds.put("map of a commune, 500 features", n -> BASE + "/places.geojson?size=500&commune="
                + pick(random, COMMUNES));
        kinds.put("export, first 1 000 rows", n -> BASE + "/export?format=csv");
        // the same at hub scope: its tables are views uniting the four territories' (V127), all places here in MQ
        for (String kind : List.of("territory, first page", "commune", "free text, one word", "free text, two words",
                "service + label on a date", "holders of a label on a date", "one place")) {
            IntFunction<String> inTerritory = kinds.get(kind);
            kinds.put("hub: " + kind, n -> inTerritory.apply(n).replace(BASE, HUB));
        }
        kinds.keySet().removeIf(kind -> !kind.matches(ONLY));
        return kinds;
    }

    private Map<String, List<Double>> measure(int loaded) throws Exception {
        Random random = new Random(42);
        Map<String, IntFunction<String>> kinds = kinds(random);
        for (int i = 0; i < 20; i++) { // warm-up: JIT, plans, caches
            for (IntFunction<String> kind : kinds.values()) {
                call(kind.apply(loaded));
            }
        }
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, Double> spent = new LinkedHashMap<>();
        for (int i = 0; i < SAMPLES; i++) { // interleaved, as mixed traffic
            for (Map.Entry<String, IntFunction<String>> kind : kinds.entrySet()) {
                // a kind that has used its time budget stops there (a slow kind would hold the run for an hour)
                if (spent.getOrDefault(kind.getKey(), 0.0) < BUDGET_MS) {
                    String path = kind.getValue().apply(loaded);
                    double ms = call(path);
                    millis.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(ms);
                    if (ms > SLOW_MS) { // the tail's own queries, to read their plans again
                        System.out.printf("[bench] slow at %d, %s: %s %.1f ms %s%n", loaded, LocalTime.now(),
                                kind.getKey(), ms, path);
                    }
                    spent.merge(kind.getKey(), ms, Double::sum);
                }
            }
        }
        return millis;
    }

    /** Milliseconds until the answer is read; an export is read up to its 1 000th row, then dropped. */
    private double call(String path) throws Exception {
        if (path.contains("/export")) {
            return export(path, 1000);
        }
        long t = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(root.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            while (body.readLine() != null) {
                // read on
            }
        }
        double ms = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return ms;
    }

    /**
     * Milliseconds until the header and {@code rows} rows of a CSV export have come, on a connection of its own
     * (dropped midway, it could serve nothing else), read as bytes by a plain HTTP/1.1 client that counts the line
     * ends in the body's chunks (a JDK client per export started its own threads). Closing it with rows unread resets
     * the connection, and the server stops the export at its next batch.
     */
    private double export(String path, int rows) throws IOException {
        long t = System.nanoTime();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                    + "Accept: text/csv\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536);
            String status = line(in);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new AssertionError(path + " answered " + status);
            }
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String[] field = header.split(":", 2);
                chunked |= field.length == 2 && field[0].trim().equalsIgnoreCase("transfer-encoding")
                        && field[1].trim().equalsIgnoreCase("chunked");
            }
            if (!chunked) {
                throw new AssertionError(path + " was not streamed in chunks");
            }
            byte[] buffer = new byte[65_536];
            int lines = 0; // the header's and the rows'
            reading:
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                for (int left = size; left > 0; ) {
                    int read = in.read(buffer, 0, Math.min(left, buffer.length));
                    if (read < 0) {
                        throw new EOFException(path + " ended inside a chunk");
                    }
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n' && ++lines > rows) {
                            break reading;
                        }
                    }
                    left -= read;
                }
                line(in); // the CRLF after the chunk
            }
            if (lines <= rows) {
                throw new AssertionError(path + " had " + lines + " lines, fewer than " + rows + " rows");
            }
        }
        return (System.nanoTime() - t) / 1e6;
    }

    /** A chunk's size line, its extensions left out. */
    private static int chunkSize(InputStream in) throws IOException {
        return Integer.parseInt(line(in).split(";", 2)[0].trim(), 16);
    }

    /** A line of the HTTP head or a chunk size, without its CRLF. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the answer ended in a line");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /**
     * Places {@code from}..{@code to} by bulk SQL, in chunks, then VACUUM ANALYZE as autovacuum would, and a
     * checkpoint.
     */
    private void load(int from, int to) throws Exception {
        String[] statements = new String(getClass().getResourceAsStream("/bench/places.sql").readAllBytes(),
                StandardCharsets.UTF_8).replaceAll("(?m)^--.*\n", "").split(";\n");
        long start = System.nanoTime();
        for (int chunk = from; chunk <= to; chunk += 50_000) {
            int end = Math.min(to, chunk + 49_999);
            for (String statement : statements) {
                if (!statement.isBlank()) {
                    pool.preparedQuery(statement).execute(Tuple.of(chunk, end)).await().indefinitely();
                }
            }
        }
        for (String table : List.of("places", "label_grants", "aidants", "aidant_trainings")) {
            pool.query("VACUUM ANALYZE mq." + table).execute().await().indefinitely();
        }
        // the load's dirty pages written now, not by a checkpoint in the middle of the samples
        pool.query("CHECKPOINT").execute().await().indefinitely();
        System.out.printf("[bench] loaded places %d to %d in %.0f s%n", from, to, (System.nanoTime() - start) / 1e9);
    }

    /** The id bench/places.sql gives place {@code i}: md5('bench-place-' || i)::uuid. */
    static String placeId(int i) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(("bench-place-" + i).getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double pct(List<Double> millis, int percentile) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percentile / 100.0) - 1));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
