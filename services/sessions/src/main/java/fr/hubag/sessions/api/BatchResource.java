package fr.hubag.sessions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.ProblemMappers;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.Correlation;
import fr.hubag.sessions.api.BatchRequests.OfflineBatchRequest;
import fr.hubag.sessions.api.BatchRequests.OfflineBatchView;
import fr.hubag.sessions.application.BatchItem;
import fr.hubag.sessions.application.OfflineBatches;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A mediator's phone, back on the network, sends what it recorded offline as one batch: activity reports and
 * attendance, each item with its own id (its idempotency key) and time. The answer says per item what became of it;
 * a batch sent again after a lost answer applies nothing twice. Under {@code /api/sessions} so that the gateway
 * routes it to this service like every sessions path.
 */
@Path("/api/sessions/batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "offline batches", description = "What a mediator's phone recorded offline, sent in one request")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR})
public class BatchResource {

    private static final String PATH = "/api/sessions/batches";

    private final OfflineBatches batches;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public BatchResource(OfflineBatches batches, ObjectMapper json) {
        this.batches = batches;
        this.json = json;
    }

    @POST
    @Operation(summary = "Send what was recorded offline", description = ActivityReportResource.WHO + "Per item, "
            + "the same rule as the single endpoint (a mediator: only their own actors). Items apply in order, each "
            + "on its own: one refused item does not stop the others — except later attendance items on the same "
            + "session (424 earlier-item-rejected). An item's id is its idempotency key: sent again with the same "
            + "content it is already-recorded and nothing is appended; with other content it is rejected (409 "
            + "idempotency-key-reused). occurredAt is the time the item's events carry: at most 5 minutes ahead of "
            + "the server and 365 days old. At most 200 items (413).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OfflineBatchRequest.class)))
    @APIResponse(responseCode = "200", description = "Every item's result (created, already-recorded or rejected "
            + "with its problem), even when all were rejected",
            content = @Content(schema = @Schema(implementation = OfflineBatchView.class)))
    @APIResponse(responseCode = "400", description = "Not a batch (not JSON, no items): nothing applied")
    @APIResponse(responseCode = "413", description = "More than 200 items: nothing applied")
    public Uni<Response> send(JsonNode body, @Context ContainerRequestContext http) {
        List<JsonNode> nodes = BatchRequests.items(body);
        if (nodes.size() > OfflineBatches.MAX_ITEMS) {
            return Uni.createFrom().item(ProblemMappers.respond(Problem.of(413, "Content Too Large",
                    "batch-too-large", nodes.size() + " items: a batch holds at most " + OfflineBatches.MAX_ITEMS
                            + "; send the rest in another batch"), http));
        }
        List<BatchItem> items = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            items.add(BatchRequests.item(json, node));
        }
        String correlation = Correlation.of(http);
        String requestId = http.getHeaderString(Correlation.REQUEST_ID);
        OfflineBatches.Sending sending = new OfflineBatches.Sending(correlation,
                requestId == null ? correlation : requestId, clock.instant());
        return batches.apply(items, sending).map(results -> Response.ok(OfflineBatchView.of(results)).build());
    }
}
