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
import java.util.TreeMap;

/**
 * One OpenAPI document for the whole platform, merged from each service's own ({@code /q/openapi}). Paths are
 * already the gateway's ({@code /api/<service>/…}), so merging is a union; a service that is down is listed under
 * {@code x-unavailable-services} rather than failing the document. Cached for a few seconds.
 */
@Path("/api/openapi.json")
@PermitAll
public class MergedOpenApiResource {

    private static final Duration CACHE = Duration.ofSeconds(10);

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

    private ObjectNode merge(List<Fetched> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info")
                .put("title", "Hub Antilles-Guyane platform API")
                .put("version", "0.1.0")
                .put("description", "Every service behind the gateway. Authenticate with a bearer JWT carrying "
                        + "`groups` (roles) and `territories`; locally: `./hub token --role coordinator --territory MQ`."
                        + " Errors are RFC 9457 application/problem+json.");
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
        if (!unavailable.isEmpty()) {
            var list = merged.putArray("x-unavailable-services");
            unavailable.forEach(list::add);
        }
        return merged;
    }
}
