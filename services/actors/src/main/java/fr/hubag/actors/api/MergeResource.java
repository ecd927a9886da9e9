package fr.hubag.actors.api;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Merging duplicates, which an import only ever proposes: the survivor takes over the absorbed actor's labels and
 * aidants; the absorbed actor keeps its history and its id redirects. Both streams change in one transaction.
 */
@Path("/api/actors/{id}/merges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "actors")
@SecurityRequirement(name = "jwt")
public class MergeResource {

    private final HttpActorCommands commands;
    private final Clock clock = Clock.systemUTC();

    public MergeResource(HttpActorCommands commands) {
        this.commands = commands;
    }

    public record MergeRequest(String absorbedActorId) {}

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Merge a duplicate into this actor", description = "Roles: coordinator of the territory of "
            + "both actors, hub-admin. Records ActorsMerged on both streams; Idempotency-Key for safe retries.")
    @APIResponse(responseCode = "200", description = "The survivor after the merge",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request")
    @APIResponse(responseCode = "404", description = "No such actor")
    @APIResponse(responseCode = "409", description = "One of them is closed or already merged")
    @APIResponse(responseCode = "422", description = "Self-merge, or actors of two territories")
    public Uni<Response> merge(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                               MergeRequest request, @Context ContainerRequestContext http) {
        UUID survivorId = PathIds.uuid("id", id);
        Violations v = LifecycleRequests.body(request);
        if (request.absorbedActorId() == null) {
            v.add("absorbedActorId", "is required");
        }
        v.throwIfAny();
        UUID absorbedId = PathIds.uuid("absorbedActorId", request.absorbedActorId());
        if (absorbedId.equals(survivorId)) {
            v.add("absorbedActorId", "must differ from the surviving actor");
            v.throwIfAny();
        }
        var at = clock.instant();
        return commands.together(List.of(survivorId, absorbedId), states -> List.of(
                new ActorCommand.AbsorbActor(survivorId, states.get(1), at),
                new ActorCommand.MergeInto(absorbedId, states.get(0), at)), http, request, 200);
    }
}
