package fr.hubag.gateway;

import fr.hubag.testing.TestKeys;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * An HTTP server standing in for the services behind the gateway, to test the gateway's own job (authentication,
 * territory check at the edge, forwarding, merging OpenAPI). It answers every request with what it received, so a
 * test sees exactly what the gateway forwarded (an upload, by its length and checksum); {@code /q/openapi} returns
 * a small document; a request under {@code /api/vouchers/closing} that comes on a connection which served one before
 * is dropped with its connection, unanswered; one under {@code /api/vouchers/dying} has its connection closed after
 * 1.2 s, unanswered. The services
 * themselves are tested against real parts in their own modules and end to end by .ci/smoke-test.
 */
public class RecordingBackend implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private HttpServer server;
    /** Uploads received and not yet answered ({@code GET /test/uploads-in-flight}, straight to this server). */
    private final AtomicInteger uploadsInFlight = new AtomicInteger();
    /** Connections that have answered a request: a request under /api/vouchers/closing on one of them is dropped. */
    private final Set<HttpConnection> used = ConcurrentHashMap.newKeySet();
    /** Requests dropped so ({@code GET /test/dropped}). */
    private final AtomicInteger dropped = new AtomicInteger();

    private static final HttpClient DIRECT = HttpClient.newHttpClient();

    /**
     * Asks this server itself, not through the gateway, what one of its {@code /test/...} counters says (the
     * running test's backend, from its configuration).
     */
    static String ask(String path) throws Exception {
        String backend = ConfigProvider.getConfig().getValue("hub.routes.actors", String.class);
        return DIRECT.send(HttpRequest.newBuilder(URI.create(backend + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            HttpConnection connection = request.connection();
            if (request.path().startsWith("/api/vouchers/dying")) {
                // a service that dies while it works on the request
                dropped.incrementAndGet();
                vertx.setTimer(1_200, t -> connection.close());
                return;
            }
            if (used.add(connection)) {
                connection.closeHandler(closed -> used.remove(connection));
            } else if (request.path().startsWith("/api/vouchers/closing")) {
                // a service closing a kept-alive connection just as the gateway sends on it
                dropped.incrementAndGet();
                connection.close();
                return;
            }
            if (request.path().equals("/test/uploads-in-flight")) {
                request.response().end(Integer.toString(uploadsInFlight.get()));
                return;
            }
            if (request.path().equals("/test/dropped")) {
                request.response().end(Integer.toString(dropped.get()));
                return;
            }
            if (request.path().startsWith("/api/actors/imports") && request.method().name().equals("POST")) {
                countUpload(request);
                return;
            }
            record(request);
        }).listen(0).toCompletionStage().toCompletableFuture().join();
        String backend = "http://localhost:" + server.actualPort();
        return Map.of(
                "hub.routes.actors", backend,
                "hub.routes.projection", backend,
                "hub.routes.sessions", "http://localhost:1",
                "hub.routes.vouchers", backend,
                "hub.routes.impact", backend,
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    /**
     * An upload is counted as it streams, never held: the answer gives its length and CRC-32, so a test sees that
     * the whole file arrived; {@code ?delay=<ms>} holds the answer that long (an import still running).
     */
    private void countUpload(HttpServerRequest request) {
        uploadsInFlight.incrementAndGet();
        CRC32 crc = new CRC32();
        long[] length = {0};
        request.handler(chunk -> {
            length[0] += chunk.length();
            crc.update(chunk.getByteBuf().nioBuffer());
        });
        request.endHandler(end -> {
            String delay = request.getParam("delay");
            Runnable answer = () -> {
                uploadsInFlight.decrementAndGet();
                request.response().setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("bytes", length[0]).put("crc", crc.getValue())
                            .put("authorization", request.getHeader("Authorization")).encode());
            };
            if (delay == null) {
                answer.run();
            } else {
                vertx.setTimer(Long.parseLong(delay), t -> answer.run());
            }
        });
    }

    private void record(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("openapi", "3.1.0")
                        .put("paths", new JsonObject().put("/api/actors", new JsonObject()
                                .put("post", new JsonObject().put("summary", "Register an actor")
                                        .put("requestBody", new JsonObject().put("required", true)))))
                        .put("components", new JsonObject().put("schemas", new JsonObject()
                                .put("ActorView", new JsonObject().put("type", "object"))))
                        .encode());
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            request.response().setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Location", "/api/actors/42")
                    .putHeader("ETag", "\"3\"")
                    .putHeader("Aidant-Id", "aidant-7")
                    .putHeader("X-Internal-Secret", "must-not-leak")
                    .end(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                            .put("headers", headers).put("body", body.toString()).encode());
        });
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
        }
    }
}
