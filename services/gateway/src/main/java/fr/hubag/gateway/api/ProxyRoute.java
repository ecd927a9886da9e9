package fr.hubag.gateway.api;

import fr.hubag.domain.Territory;
import fr.hubag.gateway.application.CallerLimits;
import fr.hubag.gateway.config.Routes;
import fr.hubag.gateway.infra.ServiceClient;
import fr.hubag.gateway.infra.ServiceClient.Backend;
import fr.hubag.servicekit.problem.FieldError;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.OutsideTerritory;
import fr.hubag.servicekit.web.Correlation;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The single entry: {@code /api/<service>/…} goes to that service with the path unchanged. Everything is decided
 * from the request's head, before a byte of its body is read (the request stays paused meanwhile): the token is
 * verified (401 without a valid one), the territory named in the path or {@code territory} query is checked (403
 * outside the caller's territories; the service checks both again), the caller's limits are counted (429) and the
 * declared length is held to the endpoint's limit (413). Only then does the body flow, chunk by chunk, to the
 * service, and the answer back, with backpressure both ways: the gateway never holds a whole body, so its memory
 * does not grow with uploads, and no worker thread is involved. GETs on the open-data paths
 * ({@code hub.gateway.public-paths}) need no token. A Vert.x route rather than a JAX-RS resource, because a
 * resource reads its body before its method runs.
 */
@ApplicationScoped
public class ProxyRoute {

    /** The proxied paths: a service name, then anything (not {@code /api/openapi.json}, which is ours). */
    static final String PATHS = "/api/[a-z]+(/.*)?";
    /** After authentication (-200) and authorisation (-100), before Quarkus's own bare 413 (-2). */
    static final int ORDER = -3;
    static final String RETRY_UPLOADS_AFTER = "5";
    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final Set<String> TERRITORY_CODES = Set.of("GP", "GF", "MQ", "MF");
    private static final String REQUEST_ID = Correlation.REQUEST_ID;

    private final Routes.Gateway gateway;
    private final ServiceClient services;
    private final CallerLimits limits;
    private final EdgeAnswers answers;
    private final Forwarding forwarding;
    private final List<Pattern> publicPaths;
    private final List<Pattern> uploadPaths;
    private final long maxBody;
    private final long maxUpload;
    private final String knownServices;

    public ProxyRoute(Routes routes, ServiceClient services, EdgeAnswers answers, MeterRegistry registry) {
        this.gateway = routes.gateway();
        this.services = services;
        this.answers = answers;
        this.limits = new CallerLimits(System::currentTimeMillis);
        this.forwarding = new Forwarding(answers, registry);
        this.publicPaths = gateway.publicPaths().stream().map(Pattern::compile).toList();
        this.uploadPaths = gateway.uploads().paths().stream().map(Pattern::compile).toList();
        this.maxBody = gateway.maxBodySize().asLongValue();
        this.maxUpload = gateway.uploads().maxBodySize().asLongValue();
        this.knownServices = routes.routes().keySet().toString();
    }

    void register(@Observes Router router) {
        router.routeWithRegex(PATHS).order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        Context context = Vertx.currentContext();
        if (context != null) {
            // one series for every proxied path in http_server_requests_seconds (Micrometer reads this local)
            context.putLocal("UrlPathTemplate", "/api/{service}{rest}");
        }
        Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred == null) {
            decide(ctx, null);
            return;
        }
        // lazy authentication: the token is verified now, on this event loop, while the body waits unread
        deferred.subscribe().with(who -> decide(ctx, who.isAnonymous() ? null : who), invalid -> decide(ctx, null));
    }

    /** @param who the verified caller, null when there is no valid token */
    private void decide(RoutingContext ctx, SecurityIdentity who) {
        if (ctx.response().headWritten()) {
            return;
        }
        HttpServerRequest request = ctx.request();
        String path = ctx.normalizedPath();
        String given = request.getHeader(Correlation.HEADER);
        String correlation = Correlation.isSane(given) ? given : UUID.randomUUID().toString();
        ctx.response().putHeader(Correlation.HEADER, correlation);
        HttpMethod method = request.method();
        boolean upload = method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.DELETE
                && matches(uploadPaths, path);
        long limit = upload ? maxUpload : maxBody;

        String caller = who == null ? "address:" + request.remoteAddress().hostAddress()
                : "subject:" + who.getPrincipal().getName();
        int perSecond = who == null ? gateway.limits().anonymousRequestsPerSecond()
                : gateway.limits().requestsPerSecond();
        if (!limits.admit(caller, perSecond)) {
            refuse(ctx, Problem.of(429, "Too Many Requests", "too-many-requests", "more than " + perSecond
                    + " requests a second from one caller; retry after the time in Retry-After"), path, correlation,
                    "1", limit);
            return;
        }
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId != null && !Correlation.isSane(requestId)) {
            refuse(ctx, Problem.of(Status.BAD_REQUEST, "invalid-request", "invalid header")
                    .withErrors(List.of(new FieldError(REQUEST_ID,
                            Correlation.REQUEST_ID_RULE))),
                    path, correlation, null, limit);
            return;
        }
        String service = serviceOf(path);
        Backend backend = services.backend(service).orElse(null);
        if (backend == null) {
            refuse(ctx, Problem.of(Status.NOT_FOUND, "unknown-service", "no service '" + service + "'; known: "
                    + knownServices), path, correlation, null, limit);
            return;
        }
        boolean open = (method == HttpMethod.GET || method == HttpMethod.HEAD) && matches(publicPaths, path);
        if (!open) {
            if (who == null) {
                refuse(ctx, Problem.of(Status.UNAUTHORIZED, "unauthenticated", "a valid bearer token is required"),
                        path, correlation, null, limit);
                return;
            }
            Territory outside = outside(path, request, Caller.territoriesOf(
                    who.getPrincipal() instanceof JsonWebToken jwt ? jwt : null));
            if (outside != null) {
                refuse(ctx, Problem.of(Status.FORBIDDEN, "outside-territory",
                        new OutsideTerritory(outside).getMessage()), path, correlation, null, limit);
                return;
            }
        }
        if (!METHODS.contains(method)) {
            refuse(ctx, Problem.of(405, "Method Not Allowed", "method-not-allowed", method.name()
                    + " is not forwarded"), path, correlation, null, limit);
            return;
        }
        if (declaredLength(request) > limit) {
            refuse(ctx, tooLarge(limit), path, correlation, null, 0);
            return;
        }
        if (upload && !limits.startUpload(caller, gateway.limits().concurrentUploads())) {
            refuse(ctx, Problem.of(429, "Too Many Requests", "too-many-uploads", "at most "
                    + gateway.limits().concurrentUploads() + " uploads at once per caller; retry when one is done"),
                    path, correlation, RETRY_UPLOADS_AFTER, limit);
            return;
        }
        Runnable done = upload ? () -> limits.endUpload(caller) : () -> { };
        forwarding.forward(ctx, new Forwarding.Target(service, backend, services.proxy(upload), services.replay(),
                (upload ? gateway.uploads().timeout() : gateway.timeout()).toMillis(), limit), correlation, done);
    }

    static Problem tooLarge(long limit) {
        return Problem.of(413, "Content Too Large", "body-too-large", "the body is larger than the "
                + (limit >= 1 << 20 ? (limit >> 20) + " MiB" : (limit >> 10) + " KiB") + " this endpoint accepts");
    }

    private void refuse(RoutingContext ctx, Problem problem, String path, String correlation, String retryAfter,
                        long drainLimit) {
        answers.refuse(ctx, problem.at(path, correlation), retryAfter, drainLimit);
    }

    private static String serviceOf(String path) {
        int end = path.indexOf('/', 5);
        return end < 0 ? path.substring(5) : path.substring(5, end);
    }

    private static boolean matches(List<Pattern> patterns, String path) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The declared Content-Length, -1 when none (chunked or no body); an unreadable one counts as too large. */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A territory named by a path segment or a {@code territory} query value that the token does not cover. */
    private static Territory outside(String path, HttpServerRequest request, Set<Territory> covered) {
        for (String segment : path.split("/")) {
            if (TERRITORY_CODES.contains(segment) && !covered.contains(Territory.valueOf(segment))) {
                return Territory.valueOf(segment);
            }
        }
        String query = request.query();
        if (query != null) {
            for (String value : request.params().getAll("territory")) {
                if (TERRITORY_CODES.contains(value) && !covered.contains(Territory.valueOf(value))) {
                    return Territory.valueOf(value);
                }
            }
        }
        return null;
    }
}
