import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for the commands benchmark (tools/bench/commands): CLIENTS concurrent callers each register places
 * one after the other (POST /api/actors, a fresh Idempotency-Key each) until REQUESTS have been sent, after a short
 * warm-up. Prints one line: registrations/s, latency p50/p99 and the status codes seen. Run with the JDK's source
 * launcher: {@code java RegistrationLoad.java URL TOKEN REQUESTS CLIENTS [RATE]}. With RATE (registrations a second),
 * the load is open: request i is sent at i / RATE seconds from the start (or at once when the clients are behind),
 * without warm-up, as tools/bench/lag needs to hold a steady write rate.
 *
 * <p>Each caller has one keep-alive HTTP/1.1 connection of its own, written and read blocking on its virtual thread
 * ({@link Connection}): the generator shares two cores with the platform it measures, and the JDK's HttpClient spent
 * about 0.4 of a core at 550 requests a second (its asynchronous machinery), taken from the platform.
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
        URI target = URI.create(url);
        if (rate <= 0) {
            run(target, token, Math.max(clients * 4, requests / 20), clients, new long[0], 0); // warm-up: JIT, pools
        }
        long[] latencies = new long[requests];
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        Map<Integer, Integer> seen = run(target, token, requests, clients, latencies, rate);
        double seconds = (System.nanoTime() - started) / 1e9;
        statuses.putAll(seen);
        Arrays.sort(latencies);
        System.out.printf("%,d registrations in %.1f s: %,.0f/s; latency p50 %.1f ms, p99 %.1f ms; statuses %s%n",
                requests, seconds, requests / seconds, latencies[requests / 2] / 1e6,
                latencies[(int) (requests * 0.99)] / 1e6, statuses);
    }

    static Map<Integer, Integer> run(URI target, String token, int requests, int clients,
                                     long[] latencies, double rate) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread.ofVirtual().start(() -> {
                try (Connection http = new Connection(target, token)) {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        long due = rate <= 0 ? 0 : start + (long) (i * 1e9 / rate) - System.nanoTime();
                        if (due > 0) {
                            Thread.sleep(Duration.ofNanos(due));
                        }
                        byte[] body = PLACE.formatted(i).getBytes(StandardCharsets.UTF_8);
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.post("bench-" + System.nanoTime() + "-" + i, body);
                        } catch (IOException e) {
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

    /**
     * One keep-alive HTTP/1.1 connection: a POST of JSON written whole, the answer's status read and its body
     * skipped (by Content-Length, or chunk by chunk). A connection that fails or that the server closes is opened
     * again for the next request.
     */
    static final class Connection implements AutoCloseable {

        private final URI target;
        private final int port;
        private final byte[] head;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI target, String token) {
            this.target = target;
            this.port = target.getPort() < 0 ? 80 : target.getPort();
            this.head = ("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + port
                    + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: ").getBytes(StandardCharsets.UTF_8);
        }

        int post(String idempotencyKey, byte[] body) throws IOException {
            try {
                if (socket == null) {
                    socket = new Socket(target.getHost(), port);
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
                    in = new BufferedInputStream(socket.getInputStream(), 8192);
                    out = socket.getOutputStream();
                }
                ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + body.length + 64);
                request.write(head);
                request.write((idempotencyKey + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                request.write(body);
                request.writeTo(out);
                out.flush();
                return response();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private int response() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                while (!line().isEmpty()) { } // trailers
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            if (closes) {
                close();
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
