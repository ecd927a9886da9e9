import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for the commands benchmark (tools/bench/commands): CLIENTS concurrent callers each register places
 * one after the other (POST /api/actors, a fresh Idempotency-Key each) until REQUESTS have been sent, after a short
 * warm-up. Prints one line: registrations/s, latency p50/p99 and the status codes seen. Run with the JDK's source
 * launcher: {@code java RegistrationLoad.java URL TOKEN REQUESTS CLIENTS [RATE]}. With RATE (registrations a second),
 * the load is open: request i is sent at i / RATE seconds from the start (or at once when the clients are behind),
 * without warm-up, as tools/bench/lag needs to hold a steady write rate.
 */
public class RegistrationLoad {

    static final String PLACE = """
            {"name":"Cyber-base %d","pivot":"21972013500017","address":"12 rue Schoelcher",
             "commune":{"name":"Le Lamentin","inseeCode":"97213","postcode":"97232"},"phone":"0596 51 00 00",
             "services":["Aide aux démarches administratives"],"openingHours":"Mo-Fr 08:00-12:00"}""";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        int requests = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        if (rate <= 0) {
            run(http, url, token, Math.max(clients * 4, requests / 20), clients, new long[0], 0); // warm-up: JIT, pools
        }
        long[] latencies = new long[requests];
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        Map<Integer, Integer> seen = run(http, url, token, requests, clients, latencies, rate);
        double seconds = (System.nanoTime() - started) / 1e9;
        statuses.putAll(seen);
        Arrays.sort(latencies);
        System.out.printf("%,d registrations in %.1f s: %,.0f/s; latency p50 %.1f ms, p99 %.1f ms; statuses %s%n",
                requests, seconds, requests / seconds, latencies[requests / 2] / 1e6,
                latencies[(int) (requests * 0.99)] / 1e6, statuses);
    }

    static Map<Integer, Integer> run(HttpClient http, String url, String token, int requests, int clients,
                                     long[] latencies, double rate) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread.ofVirtual().start(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        long due = rate <= 0 ? 0 : start + (long) (i * 1e9 / rate) - System.nanoTime();
                        if (due > 0) {
                            Thread.sleep(Duration.ofNanos(due));
                        }
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "bench-" + System.nanoTime() + "-" + i)
                                .POST(HttpRequest.BodyPublishers.ofString(PLACE.formatted(i))).build();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        if (i < latencies.length) {
                            latencies[i] = System.nanoTime() - t0;
                        }
                        statuses.merge(status, 1, Integer::sum);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return statuses;
    }
}
