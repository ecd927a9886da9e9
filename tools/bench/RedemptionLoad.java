import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the redemptions benchmark (tools/bench/redemptions, issue 12): a funder orders PASSES passes in
 * orders of at most 10 000 (booklets of 10) for Martinique and activates them; every booklet is handed out; then
 * CLIENTS concurrent mediators redeem distinct passes at one APTIC-labelled actor, half through the gateway and half
 * directly to the vouchers service, each half after a warm-up. Prints the setup's rates and, per half,
 * redemptions/s with latency p50/p99 and the statuses seen. Run with the JDK's source launcher:
 * {@code java RedemptionLoad.java GATEWAY VOUCHERS FUNDER_TOKEN MEDIATOR_TOKEN ACTOR_ID PASSES CLIENTS [CODES_FILE]}.
 * With CODES_FILE it stops after the set-up and writes the codes not yet redeemed there, one a line, for wrk
 * (tools/bench/redeem.lua, lighter on the two cores than this client); the script deletes the file after the run.
 * Otherwise the codes it reads stay in this process only (they are what a funder prints).
 */
public class RedemptionLoad {

    static final int PASSES_PER_BOOKLET = 10;
    static final int MAX_PASSES_PER_ORDER = 10_000;
    static final Pattern ID = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    record Answer(int status, String body) {}

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String vouchers = args[1];
        String funder = args[2];
        String mediator = args[3];
        String actor = args[4];
        int passes = Integer.parseInt(args[5]);
        int clients = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        // orders: quoted (every code drawn and sealed) then activated
        String validUntil = LocalDate.now().getYear() + 1 + "-06-30";
        List<String[]> booklets = new ArrayList<>(); // {orderId, booklet number}
        long t0 = System.nanoTime();
        int quoted = 0;
        for (int left = passes; left > 0; left -= MAX_PASSES_PER_ORDER) {
            int count = Math.min(left, MAX_PASSES_PER_ORDER) / PASSES_PER_BOOKLET;
            Answer order = send(http, "POST", gateway + "/api/vouchers/orders", funder, """
                    {"perimeter":{"territories":["MQ"]},"booklets":%d,"passesPerBooklet":%d,"validUntil":"%s"}"""
                    .formatted(count, PASSES_PER_BOOKLET, validUntil));
            String id = match(ID, order, "an order");
            send(http, "POST", gateway + "/api/vouchers/orders/" + id + "/activation", funder,
                    "{\"mandateReference\":\"SEPA-BENCH-" + id.substring(0, 8) + "\"}");
            for (int b = 1; b <= count; b++) {
                booklets.add(new String[] {id, Integer.toString(b)});
            }
            quoted += count * PASSES_PER_BOOKLET;
        }
        double quoteSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  orders: %,d passes quoted and activated in %.1f s (%,.0f passes/s)%n", quoted,
                quoteSeconds, quoted / quoteSeconds);

        // every booklet read (its codes, as for printing) and handed out whole
        String[] codes = new String[booklets.size() * PASSES_PER_BOOKLET];
        t0 = System.nanoTime();
        Map<Integer, Integer> setup = run(clients, booklets.size(), i -> {
            String[] booklet = booklets.get(i);
            Answer read = send(http, "GET", gateway + "/api/vouchers/orders/" + booklet[0] + "/booklets/"
                    + booklet[1], funder, null);
            Matcher m = CODE.matcher(read.body());
            for (int p = 0; m.find(); p++) {
                codes[i * PASSES_PER_BOOKLET + p] = m.group(1);
            }
            return send(http, "POST", gateway + "/api/vouchers/distributions", funder, """
                    {"orderId":"%s","booklet":%s,"beneficiaryId":"%s","ageBand":"vingt_cinq_trente_neuf",
                     "communeInseeCode":"97209"}""".formatted(booklet[0], booklet[1], UUID.randomUUID())).status();
        }, null);
        double handOut = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  distribution: %,d booklets read and handed out in %.1f s (%,.0f booklets/s); statuses %s%n",
                booklets.size(), handOut, booklets.size() / handOut, setup);

        // the census reaches the vouchers service through actors.events: wait until it knows the actor
        String redemptions = "/api/vouchers/redemptions";
        for (int tries = 0; ; tries++) {
            Answer probe = redeem(http, gateway + redemptions, mediator, codes[0], actor);
            if (probe.status() == 201) {
                break;
            }
            if (tries > 300 || !probe.body().contains("actor-unknown")) {
                throw new IllegalStateException("the first redemption was refused: " + probe);
            }
            Thread.sleep(100);
        }

        if (args.length > 7) {
            java.nio.file.Files.write(java.nio.file.Path.of(args[7]),
                    Arrays.asList(codes).subList(1, codes.length));
            return;
        }
        int half = (codes.length - 1) / 2;
        measure("through the gateway", http, gateway + redemptions, mediator, actor, codes, 1, half, clients);
        measure("directly to vouchers", http, vouchers + redemptions, mediator, actor, codes, 1 + half,
                codes.length - 1 - half, clients);
    }

    /** A warm-up on the first tenth of the slice (at least a few per client), then the rest measured. */
    static void measure(String label, HttpClient http, String url, String token, String actor, String[] codes,
                        int from, int count, int clients) throws InterruptedException {
        int warm = Math.min(count / 2, Math.max(count / 10, clients * 4));
        run(clients, warm, i -> redeem(http, url, token, codes[from + i], actor).status(), null);
        int measured = count - warm;
        long[] latencies = new long[measured];
        long started = System.nanoTime();
        Map<Integer, Integer> statuses = run(clients, measured,
                i -> redeem(http, url, token, codes[from + warm + i], actor).status(), latencies);
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("  redemptions %s: %,d in %.1f s: %,.0f/s; latency p50 %.1f ms, p99 %.1f ms; statuses %s%n",
                label, measured, seconds, measured / seconds, latencies[measured / 2] / 1e6,
                latencies[(int) (measured * 0.99)] / 1e6, statuses);
    }

    static Answer redeem(HttpClient http, String url, String token, String code, String actor) {
        return send(http, "POST", url, token, "{\"code\":\"" + code + "\",\"actorId\":\"" + actor + "\"}");
    }

    /** CLIENTS virtual threads take the indexes 0..count-1 in turn; each call's status counted, its time kept. */
    static Map<Integer, Integer> run(int clients, int count, IntFunction<Integer> call, long[] latencies)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread.ofVirtual().start(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long t0 = System.nanoTime();
                        int status = call.apply(i);
                        if (latencies != null) {
                            latencies[i] = System.nanoTime() - t0;
                        }
                        statuses.merge(status, 1, Integer::sum);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return new TreeMap<>(statuses);
    }

    static Answer send(HttpClient http, String method, String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + UUID.randomUUID());
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body());
        } catch (Exception e) {
            return new Answer(-1, String.valueOf(e));
        }
    }

    static String match(Pattern pattern, Answer answer, String what) {
        Matcher m = pattern.matcher(answer.body());
        if (!m.find()) {
            throw new IllegalStateException(what + " was refused: " + answer);
        }
        return m.group(1);
    }
}
