package fr.hubag.sessions.api;

import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import fr.hubag.sessions.api.WebhookViews.DeliveryView;
import fr.hubag.sessions.api.WebhookViews.EndpointView;
import fr.hubag.sessions.api.WebhookViews.RegisterRequest;
import fr.hubag.sessions.application.WebhookEndpoints;
import fr.hubag.sessions.config.WebhookSettings;
import fr.hubag.webhooks.EndpointUrl;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner's webhooks: each change of its referrals is POSTed to its endpoints, signed per Standard Webhooks
 * (docs/webhooks.md). The partner is the token's subject; it sees only its own endpoints.
 */
@Path("/api/sessions/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks", description = "A partner's signed notifications of its referrals' changes, and their log")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.PARTNER)
public class WebhookResource {

    private static final String PATH = "/api/sessions/webhooks/";

    private final WebhookEndpoints endpoints;
    private final WebhookSettings settings;
    private final Caller caller;

    public WebhookResource(WebhookEndpoints endpoints, WebhookSettings settings, Caller caller) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register a webhook endpoint", description = "Roles: partner. The answer carries the "
            + "endpoint's signing secret (whsec_…) once: keep it. Every later event of the partner's referrals is "
            + "POSTed there with headers webhook-id (msg_<event id>, the same on every retry), webhook-timestamp and "
            + "webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>).")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "400", description = "Not an https URL with a host name (or a private address)")
    @Callback(name = "referralChanged", callbackUrlExpression = "{$request.body#/url}", operations =
    @CallbackOperation(method = "post", summary = "A referral of the partner changed", description = "Signed per "
            + "Standard Webhooks. Any 2xx acknowledges; 410 disables the endpoint; anything else is retried with "
            + "backoff and jitter, never before Retry-After, 8 attempts over about 5 hours.",
            parameters = {
                    @Parameter(name = "webhook-id", in = ParameterIn.HEADER, required = true,
                            description = "msg_<event id>: the same on every attempt and replay; drop duplicates"),
                    @Parameter(name = "webhook-timestamp", in = ParameterIn.HEADER, required = true,
                            description = "the attempt's time, Unix seconds; refuse messages more than 5 min off"),
                    @Parameter(name = "webhook-signature", in = ParameterIn.HEADER, required = true,
                            description = "v1,<base64 HMAC-SHA256 of id.timestamp.body under the whsec_ secret>; "
                                    + "two, space-separated, during a rotation")},
            requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookViews.Notification.class))),
            responses = @APIResponse(responseCode = "204", description = "Received")))
    public Uni<Response> register(RegisterRequest request) {
        Violations v = new Violations();
        URI url = null;
        if (request == null) {
            v.add("body", "is required");
        } else {
            try {
                url = EndpointUrl.parse(request.url(), settings.allowLocalHttp());
            } catch (IllegalArgumentException e) {
                v.add("url", e.getMessage());
            }
        }
        v.throwIfAny();
        return endpoints.register(caller.subject(), url).map(created -> Response.status(201)
                .header("Location", PATH + created.endpoint().id).entity(EndpointView.of(created)).build());
    }

    @GET
    @Operation(summary = "List the partner's webhook endpoints", description = "Roles: partner. No secrets.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = EndpointView.class)))
    public Uni<Response> list() {
        return endpoints.list(caller.subject()).map(all -> Response.ok(all.stream()
                .map(e -> EndpointView.of(e, null)).toList()).build());
    }

    @POST
    @Path("/{id}/rotate")
    @Operation(summary = "Rotate an endpoint's secret", description = "Roles: partner. A new secret, shown in this "
            + "answer only; the previous one still signs (a second signature) for 24 hours, so the receiver may "
            + "switch when it is ready.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint of this partner")
    public Uni<Response> rotate(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        return endpoints.rotate(caller.subject(), PathIds.uuid("id", id)).map(rotated -> rotated
                .map(r -> Response.ok(EndpointView.of(r)).build()).orElseGet(() -> notFound(id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook endpoint", description = "Roles: partner. Pending deliveries are "
            + "cancelled.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such endpoint of this partner")
    public Uni<Response> delete(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        return endpoints.delete(caller.subject(), PathIds.uuid("id", id)).map(deleted -> deleted
                ? Response.noContent().build() : notFound(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Read an endpoint's delivery log", description = "Roles: partner. The latest deliveries, "
            + "newest first, each with its attempts (time, HTTP status or error, latency, outcome).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint of this partner")
    public Uni<Response> deliveries(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                    @QueryParam("limit") @Schema(minimum = "1", maximum = "200") Integer limit) {
        UUID endpointId = PathIds.uuid("id", id);
        int size = Optional.ofNullable(limit).orElse(50);
        if (size < 1 || size > 200) {
            Violations v = new Violations();
            v.add("limit", "must be between 1 and 200");
            v.throwIfAny();
        }
        return endpoints.deliveries(caller.subject(), endpointId, size).map(log -> log
                .map(all -> Response.ok(all.stream().map(DeliveryView::of).toList()).build())
                .orElseGet(() -> notFound(id)));
    }

    private static Response notFound(String id) {
        return Problem.of(Response.Status.NOT_FOUND, "webhook-not-found", "no webhook endpoint " + id)
                .at(PATH + id, null).toResponse();
    }
}
