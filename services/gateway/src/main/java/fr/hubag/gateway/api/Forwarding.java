package fr.hubag.gateway.api;

import fr.hubag.gateway.infra.ServiceClient.Backend;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.web.Correlation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams one admitted request to its service and the answer back: chunks are written as they come, reading pauses
 * while the other side's write queue is full, and the body is counted against the endpoint's limit as it flows (a
 * chunked body has no declared length). Headers are relayed from fixed lists; the W3C trace context is added by
 * OpenTelemetry's instrumentation of the client. Each forwarded request is timed per service and status as
 * {@code hub_gateway_forwarded_seconds} (docs/observability.md), since the HTTP server's own series see one
 * templated path for all services. A service down or too slow is a 503 or 504 problem with Retry-After.
 * <p>
 * A kept-alive connection the service closes just as a request is sent on it fails that request at once, before any
 * answer (closed, or reset): the service may close idle connections at any moment, and HTTP/1.1 gives no way to know.
 * A request without a body that may be sent twice (an idempotent method, RFC 9110 §9.2.2, or an Idempotency-Key the
 * service keeps) and that failed so within {@link #REPLAY_WITHIN_NANOS} is sent once more on a new connection, as
 * browsers do with idempotent requests; any other is a 503, since the service may have applied it.
 */
final class Forwarding {

    private static final Logger LOG = Logger.getLogger(Forwarding.class);
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept",
            "Accept-Language", "Idempotency-Key", "If-Match", "If-None-Match", "X-Request-Id", "Aidant-Id");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Length", "Location",
            "ETag", "WWW-Authenticate", "Retry-After", "Cache-Control", "Content-Disposition", "Aidant-Id");

    /**
     * How soon a closed connection must fail a request for it to be sent again: a connection closing under it does so
     * at once, where a service that dies while it works on a request has taken its time (and a replay would make the
     * caller wait past the timeout twice).
     */
    private static final long REPLAY_WITHIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Methods whose request, sent twice, has the effect of one (RFC 9110 §9.2.2). */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    /**
     * Where an admitted request goes, with which client (and which to send it again with), how long to wait, and how
     * much body it may carry.
     */
    record Target(String service, Backend backend, HttpClient client, HttpClient replay, long timeoutMillis,
                  long maxBody) {}

    private final EdgeAnswers answers;
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    Forwarding(EdgeAnswers answers, MeterRegistry registry) {
        this.answers = answers;
        this.registry = registry;
    }

    /** @param done called once when the exchange is over, however it ends */
    void forward(RoutingContext ctx, Target target, String correlation, Runnable done) {
        HttpServerRequest in = ctx.request();
        MultiMap headers = HttpHeaders.headers();
        for (String name : REQUEST_HEADERS) {
            String value = in.getHeader(name);
            if (value != null) {
                headers.add(name, value);
            }
        }
        headers.add(Correlation.HEADER, correlation);
        String host = in.getHeader(HttpHeaders.HOST);
        if (host != null) {
            headers.add("X-Forwarded-Host", host);
        }
        headers.add("X-Forwarded-Proto", in.scheme());
        String query = in.query();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(target.backend().host())
                .setPort(target.backend().port())
                .setSsl(target.backend().ssl())
                .setURI(query == null ? ctx.normalizedPath() : ctx.normalizedPath() + "?" + query)
                .setIdleTimeout(target.timeoutMillis())
                .setHeaders(headers);
        Exchange exchange = new Exchange(ctx, target, correlation, options, done);
        ctx.addEndHandler(exchange::over);
        target.client().request(options).onComplete(exchange::connected);
    }

    private Timer timer(String service, int status) {
        return timers.computeIfAbsent(service + ' ' + status, key -> Timer.builder("hub.gateway.forwarded")
                .description("Requests the gateway forwarded, by service and the status it answered")
                .tags("service", service, "status", Integer.toString(status))
                .register(registry));
    }

    /** One request and its answer, in flight. Every callback runs on the caller's event loop context. */
    private final class Exchange {
        private final RoutingContext ctx;
        private final HttpServerRequest in;
        private final HttpServerResponse out;
        private final Target target;
        private final String correlation;
        private final RequestOptions options;
        private final Runnable done;
        private final long start = System.nanoTime();
        private HttpClientRequest toService;
        private long sent;
        private boolean requestEnded;
        private boolean answered;
        private boolean over;
        private boolean replayed;

        Exchange(RoutingContext ctx, Target target, String correlation, RequestOptions options, Runnable done) {
            this.ctx = ctx;
            this.in = ctx.request();
            this.out = ctx.response();
            this.target = target;
            this.correlation = correlation;
            this.options = options;
            this.done = done;
        }

        void connected(AsyncResult<HttpClientRequest> connection) {
            if (over) {
                if (connection.succeeded()) {
                    connection.result().reset();
                }
                return;
            }
            if (connection.failed()) {
                unavailable(connection.cause());
                return;
            }
            toService = connection.result();
            toService.response().onComplete(this::answered);
            toService.exceptionHandler(failure -> { });
            if (!EdgeAnswers.hasBody(in)) {
                requestEnded = true;
                toService.end();
                return;
            }
            String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null) {
                toService.setChunked(true);
            } else {
                toService.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            }
            if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
                out.writeContinue();
            }
            in.exceptionHandler(failure -> toService.reset());
            in.endHandler(end -> {
                requestEnded = true;
                toService.end();
            });
            in.handler(this::chunk);
        }

        private void chunk(Buffer chunk) {
            sent += chunk.length();
            if (sent > target.maxBody()) {
                answered = true;
                in.handler(null);
                in.endHandler(null);
                toService.reset();
                answers.refuse(ctx, ProxyRoute.tooLarge(target.maxBody()).at(ctx.normalizedPath(), correlation),
                        null, 0);
                return;
            }
            toService.write(chunk);
            if (toService.writeQueueFull()) {
                in.pause();
                toService.drainHandler(drained -> in.resume());
            }
        }

        private void answered(AsyncResult<HttpClientResponse> result) {
            if (over || answered) {
                return;
            }
            if (result.failed() && closed(result.cause()) && replayable()) {
                replayed = true;
                LOG.debugf("%s %s: connection to %s closed before any answer; sent again on a new one",
                        ctx.normalizedPath(), correlation, target.service());
                toService = null;
                target.replay().request(options).onComplete(this::connected);
                return;
            }
            answered = true;
            if (result.failed()) {
                unavailable(result.cause());
                return;
            }
            HttpClientResponse answer = result.result();
            out.setStatusCode(answer.statusCode());
            MultiMap headers = answer.headers();
            for (String name : RESPONSE_HEADERS) {
                String value = headers.get(name);
                if (value != null) {
                    out.putHeader(name, value);
                }
            }
            if (headers.get(HttpHeaders.CONTENT_LENGTH) == null) {
                out.setChunked(true);
            }
            if (!requestEnded) {
                // the service answered before the whole body came: the rest is not worth reading
                out.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
            answer.exceptionHandler(failure -> in.connection().close());
            answer.handler(chunk -> {
                out.write(chunk);
                if (out.writeQueueFull()) {
                    answer.pause();
                    out.drainHandler(drained -> answer.resume());
                }
            });
            answer.endHandler(end -> out.end().onComplete(written -> {
                if (!requestEnded) {
                    in.connection().close();
                }
            }));
        }

        /**
         * Not sent again already, failed at once, no body (a streamed body is gone), and an effect that two sends do
         * not double.
         */
        private boolean replayable() {
            return !replayed && System.nanoTime() - start < REPLAY_WITHIN_NANOS && !EdgeAnswers.hasBody(in)
                    && (IDEMPOTENT.contains(in.method()) || in.getHeader("Idempotency-Key") != null);
        }

        /** The connection closed or was reset under the request (not a timeout, which is no reason to retry). */
        private static boolean closed(Throwable failure) {
            return failure instanceof HttpClosedException || failure instanceof IOException;
        }

        private void unavailable(Throwable failure) {
            boolean timeout = failure instanceof TimeoutException
                    || failure.getClass().getSimpleName().contains("Timeout");
            String service = target.service();
            LOG.warnf("%s %s: service %s %s (%s)", ctx.normalizedPath(), correlation, service,
                    timeout ? "timed out" : "unreachable", failure.toString());
            Problem problem = timeout
                    ? Problem.of(Status.GATEWAY_TIMEOUT, "service-timeout", "service '" + service
                            + "' did not answer in time; the request may or may not have been applied — retry with "
                            + "the same Idempotency-Key")
                    : Problem.of(Status.SERVICE_UNAVAILABLE, "service-unavailable", "service '" + service
                            + "' is unreachable" + (failure instanceof ConnectException ? ""
                            : ": " + failure.getMessage()));
            if (toService != null) {
                toService.reset();
            }
            answers.refuse(ctx, problem.at(ctx.normalizedPath(), correlation), "5", target.maxBody() - sent);
        }

        /** The response was written, or the client's connection ended first. */
        void over(AsyncResult<Void> ended) {
            if (over) {
                return;
            }
            over = true;
            if (toService != null && (ended.failed() || !answered)) {
                toService.reset();
            }
            done.run();
            timer(target.service(), out.getStatusCode()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
