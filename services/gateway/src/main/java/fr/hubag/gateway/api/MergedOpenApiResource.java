package fr.hubag.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.hubag.gateway.config.Routes;
import fr.hubag.gateway.infra.ServiceClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One OpenAPI document for the whole platform, merged from each service's own ({@code /q/openapi}). Paths are
 * already the gateway's ({@code /api/<service>/…}), so merging is a union; a service that is down is listed under
 * {@code x-unavailable-services} rather than failing the document. Cached for a few seconds. The answers the gateway
 * gives itself are added to every operation: 429 (the caller's limits), 413 (a body over the endpoint's limit) and
 * 503/504 (the service down or too slow), each as a problem with the headers it carries.
 */
@Path("/api/openapi.json")
@PermitAll
public class MergedOpenApiResource {

    private static final Duration CACHE = Duration.ofSeconds(10);
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete",
            "options", "head", "patch");

    private final Routes routes;
    private final ServiceClient services;
    private final ObjectMapper json;
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    public MergedOpenApiResource(Routes routes, ServiceClient services, ObjectMapper json) {
        this.routes = routes;
        this.services = services;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<ObjectNode> merged() {
        if (cached != null && Instant.now().isBefore(cachedAt.plus(CACHE))) {
            return Uni.createFrom().item(cached);
        }
        Map<String, String> sorted = new TreeMap<>(routes.routes());
        return Multi.createFrom().iterable(sorted.entrySet())
                .onItem().transformToUniAndConcatenate(route -> fetch(route.getKey(), route.getValue()))
                .collect().asList()
                .map(this::merge)
                .invoke(doc -> {
                    cached = doc;
                    cachedAt = Instant.now();
                });
    }

    private record Fetched(String service, JsonNode document) {}

    private Uni<Fetched> fetch(String service, String baseUrl) {
        return services.client().getAbs(baseUrl + "/q/openapi?format=json").timeout(3_000).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return new Fetched(service, null);
                    }
                    try {
                        return new Fetched(service, json.readTree(response.bodyAsString()));
                    } catch (Exception e) {
                        return new Fetched(service, null);
                    }
                })
                .onFailure().recoverWithItem(new Fetched(service, null));
    }

    /** The gateway's own answers, referenced from every operation (imports and commands alike). */
    private void edgeAnswers(ObjectNode paths, ObjectNode components) {
        ObjectNode retryAfter = components.putObject("headers").putObject("RetryAfter")
                .put("description", "Seconds to wait before retrying (with the same Idempotency-Key)");
        retryAfter.putObject("schema").put("type", "integer");
        ObjectNode responses = components.putObject("responses");
        edgeAnswer(responses, "TooManyRequests", "Over the caller's limit: requests a second per token subject "
                + "(or per address without a token), or uploads at once per caller", true);
        edgeAnswer(responses, "ContentTooLarge", "Body over the endpoint's limit (" + bodyLimits()
                + "), refused before it is read", false);
        edgeAnswer(responses, "ServiceUnavailable", "The service is unreachable (503) or did not answer in time "
                + "(504); retry with the same Idempotency-Key", true);
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!(operation.getValue() instanceof ObjectNode op) || !HTTP_METHODS.contains(operation.getKey())) {
                return;
            }
            ObjectNode answers = op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
            if (op.has("requestBody") && !answers.has("413")) {
                answers.putObject("413").put("$ref", "#/components/responses/ContentTooLarge");
            }
            if (!answers.has("429")) {
                answers.putObject("429").put("$ref", "#/components/responses/TooManyRequests");
            }
            if (!answers.has("503")) {
                answers.putObject("503").put("$ref", "#/components/responses/ServiceUnavailable");
            }
        }));
    }

    private String bodyLimits() {
        return (routes.gateway().maxBodySize().asLongValue() >> 10) + " KiB; "
                + (routes.gateway().uploads().maxBodySize().asLongValue() >> 10) + " KiB for uploads (imports)";
    }

    private static void edgeAnswer(ObjectNode responses, String name, String description, boolean retryAfter) {
        ObjectNode answer = responses.putObject(name).put("description", description);
        if (retryAfter) {
            answer.putObject("headers").putObject("Retry-After").put("$ref", "#/components/headers/RetryAfter");
        }
        answer.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
    }

    private ObjectNode merge(List<Fetched> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info")
                .put("title", "Hub Antilles-Guyane platform API")
                .put("version", "0.1.0")
                .put("description", "Every service behind the gateway. Authenticate with a bearer JWT carrying "
                        + "`groups` (roles) and `territories`; locally: `./hub token --role coordinator --territory MQ`."
                        + " Errors are RFC 9457 application/problem+json. The gateway limits each caller (token "
                        + "subject, or address without a token) in requests a second and uploads at once (429 with "
                        + "Retry-After), and bodies to " + bodyLimits() + " (413), before reading them.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("jwt")
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        merged.putArray("security").addObject().putArray("jwt");
        var tags = merged.putArray("tags");
        List<String> unavailable = new ArrayList<>();
        for (Fetched fetched : documents) {
            if (fetched.document() == null) {
                unavailable.add(fetched.service());
                continue;
            }
            fetched.document().path("paths").properties().forEach(e -> paths.set(e.getKey(), e.getValue()));
            fetched.document().path("components").path("schemas").properties()
                    .forEach(e -> schemas.set(e.getKey(), e.getValue()));
            fetched.document().path("tags").forEach(tags::add);
        }
        edgeAnswers(paths, components);
        if (!unavailable.isEmpty()) {
            var list = merged.putArray("x-unavailable-services");
            unavailable.forEach(list::add);
        }
        return merged;
    }
}
