package fr.hubag.gateway.api;

import fr.hubag.domain.Territory;
import fr.hubag.gateway.config.Routes;
import fr.hubag.gateway.infra.ServiceClient;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.OutsideTerritory;
import fr.hubag.servicekit.web.Correlation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The single entry: {@code /api/<service>/…} goes to that service with the path unchanged. The token is verified
 * here first (401 without a valid one) and the territory named in the path is checked (403 outside the caller's
 * territories); the service verifies both again. GETs on the open-data paths ({@code hub.gateway.public-paths}: the
 * directory of places) need no token and no territory, since anyone may read the directory. Identity travels as the same bearer token, plus a correlation id.
 * The W3C trace context travels too (OpenTelemetry instruments the outgoing request); each forwarded request is
 * timed per service and status as {@code hub_gateway_forwarded_seconds} (docs/observability.md), since the HTTP
 * server's own series see one templated path for all services.
 */
@Path("/api/{service: [a-z]+}{rest: (/.*)?}")
@Consumes("*/*")
public class ProxyResource {

    private static final Logger LOG = Logger.getLogger(ProxyResource.class);
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept",
            "Accept-Language", "Idempotency-Key", "If-Match", "If-None-Match", "X-Request-Id");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Location", "ETag",
            "WWW-Authenticate", "Retry-After", "Cache-Control", "Content-Disposition", "Aidant-Id");
    private static final Set<String> TERRITORY_CODES = Set.of("GP", "GF", "MQ", "MF");

    private final Routes routes;
    private final ServiceClient services;
    private final CurrentIdentityAssociation identity;
    private final MeterRegistry registry;
    /** Compiled once: every request is matched against them. */
    private final List<Pattern> publicPaths;

    public ProxyResource(Routes routes, ServiceClient services, CurrentIdentityAssociation identity,
                         MeterRegistry registry) {
        this.routes = routes;
        this.registry = registry;
        this.services = services;
        this.identity = identity;
        this.publicPaths = routes.gateway().publicPaths().stream().map(Pattern::compile).toList();
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> get(@PathParam("service") String service, @Context ContainerRequestContext request) {
        return forward(service, request, null);
    }

    @DELETE
    @Operation(hidden = true)
    public Uni<Response> delete(@PathParam("service") String service, @Context ContainerRequestContext request) {
        return forward(service, request, null);
    }

    @POST
    @Operation(hidden = true)
    public Uni<Response> post(@PathParam("service") String service, @Context ContainerRequestContext request,
                              byte[] body) {
        return forward(service, request, body);
    }

    @PUT
    @Operation(hidden = true)
    public Uni<Response> put(@PathParam("service") String service, @Context ContainerRequestContext request,
                             byte[] body) {
        return forward(service, request, body);
    }

    @PATCH
    @Operation(hidden = true)
    public Uni<Response> patch(@PathParam("service") String service, @Context ContainerRequestContext request,
                               byte[] body) {
        return forward(service, request, body);
    }

    private Uni<Response> forward(String service, ContainerRequestContext request, byte[] body) {
        // authentication is lazy (proactive auth off): resolve the identity without blocking, then decide
        return identity.getDeferredIdentity().flatMap(who -> forward(service, request, body, who.isAnonymous() ? null
                : Caller.territoriesOf(who.getPrincipal() instanceof JsonWebToken jwt ? jwt : null)));
    }

    /** @param covered the territories of the caller's token, null for an anonymous caller */
    private Uni<Response> forward(String service, ContainerRequestContext request, byte[] body,
                                  Set<Territory> covered) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String correlation = Correlation.of(request);
        String base = routes.baseUrl(service).orElse(null);
        if (base == null) {
            return Uni.createFrom().item(Problem.of(Response.Status.NOT_FOUND, "unknown-service",
                    "no service '" + service + "'; known: " + routes.routes().keySet()).at(path, correlation)
                    .toResponse());
        }
        boolean open = request.getMethod().equals("GET") && isPublic(path);
        if (!open) {
            if (covered == null) {
                throw new UnauthorizedException("a bearer token is required");
            }
            checkTerritories(path, request.getUriInfo().getQueryParameters().get("territory"), covered);
        }
        boolean isImport = path.startsWith("/api/actors/imports");
        HttpRequest<Buffer> outgoing = services.client()
                .requestAbs(HttpMethod.valueOf(request.getMethod()), base + path + (query == null ? "" : "?" + query))
                .timeout((isImport ? routes.gateway().importTimeout() : routes.gateway().timeout()).toMillis());
        for (String name : REQUEST_HEADERS) {
            String value = request.getHeaderString(name);
            if (value != null) {
                outgoing.putHeader(name, value);
            }
        }
        outgoing.putHeader(Correlation.HEADER, correlation);
        outgoing.putHeader("X-Forwarded-Host", String.valueOf(request.getUriInfo().getRequestUri().getAuthority()));
        outgoing.putHeader("X-Forwarded-Proto", request.getUriInfo().getRequestUri().getScheme());
        Uni<HttpResponse<Buffer>> sent = body == null || body.length == 0 ? outgoing.send()
                : outgoing.sendBuffer(Buffer.buffer(body));
        long start = System.nanoTime();
        return sent.map(this::relay)
                .onFailure().recoverWithItem(failure -> unavailable(service, failure, path, correlation))
                .invoke(response -> Timer.builder("hub.gateway.forwarded")
                        .description("Requests the gateway forwarded, by service and the status it answered")
                        .tags("service", service, "status", Integer.toString(response.getStatus()))
                        .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    private Response relay(HttpResponse<Buffer> answer) {
        Response.ResponseBuilder builder = Response.status(answer.statusCode());
        for (String name : RESPONSE_HEADERS) {
            String value = answer.getHeader(name);
            if (value != null) {
                builder.header(name, value);
            }
        }
        Buffer payload = answer.body();
        if (payload != null && payload.length() > 0) {
            builder.entity(payload.getBytes());
        }
        return builder.build();
    }

    private boolean isPublic(String path) {
        return publicPaths.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    /** A path segment or {@code territory} query value naming a territory must be one of the caller's. */
    private static void checkTerritories(String path, List<String> territoryParams, Set<Territory> covered) {
        for (String segment : path.split("/")) {
            if (TERRITORY_CODES.contains(segment) && !covered.contains(Territory.valueOf(segment))) {
                throw new OutsideTerritory(Territory.valueOf(segment));
            }
        }
        if (territoryParams != null) {
            territoryParams.stream().filter(TERRITORY_CODES::contains).map(Territory::valueOf)
                    .filter(t -> !covered.contains(t)).findFirst().ifPresent(t -> {
                        throw new OutsideTerritory(t);
                    });
        }
    }

    private Response unavailable(String service, Throwable failure, String path, String correlation) {
        boolean timeout = failure instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout");
        LOG.warnf("%s %s: service %s %s (%s)", path, correlation, service, timeout ? "timed out" : "unreachable",
                failure.toString());
        Problem problem = timeout
                ? Problem.of(Response.Status.GATEWAY_TIMEOUT, "service-timeout", "service '" + service
                        + "' did not answer in time; the request may or may not have been applied — retry with the "
                        + "same Idempotency-Key")
                : Problem.of(Response.Status.SERVICE_UNAVAILABLE, "service-unavailable", "service '" + service
                        + "' is unreachable" + (failure instanceof ConnectException ? "" : ": " + failure.getMessage()));
        return Response.fromResponse(problem.at(path, correlation).toResponse()).header("Retry-After", "5").build();
    }
}
