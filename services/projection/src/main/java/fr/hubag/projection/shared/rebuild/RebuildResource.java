package fr.hubag.projection.shared.rebuild;

import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * Rebuilds of read models, for the hub's administrators: a rebuild touches every territory's tables, so only a
 * hub-admin whose token covers all four may start one or watch them.
 */
@Path("/api/projection/admin/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HUB_ADMIN)
@SecurityRequirement(name = "jwt")
@Tag(name = "admin", description = "Rebuilding read models without downtime")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a hub-admin covering every territory")
public class RebuildResource {

    /** What to rebuild. */
    @Schema(name = "RebuildRequest")
    public record Request(@Schema(description = "the read model to rebuild", required = true,
            enumeration = {"actors", "sessions", "vouchers"}) String readModel) {}

    private final Rebuilds rebuilds;
    private final Caller caller;

    public RebuildResource(Rebuilds rebuilds, Caller caller) {
        this.rebuilds = rebuilds;
        this.caller = caller;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild a read model without downtime", description = "Roles: hub-admin (all four "
            + "territories). Builds the read model's next generation from the start of its topic beside the one "
            + "that serves, then switches the queries to it atomically once it has caught up; follow it with GET.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Request.class)))
    @APIResponse(responseCode = "202", description = "Started", content = @Content(
            schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "400", description = "No such read model", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A rebuild of that read model is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(Request request) {
        caller.requireEveryTerritory();
        String name = request == null ? null : request.readModel();
        ReadModel model = rebuilds.readModel(name == null ? "" : name).orElseThrow(() -> InvalidRequest.of(
                "readModel", "one of " + rebuilds.readModels()));
        try {
            RebuildStatus started = rebuilds.start(model);
            return Response.accepted(started)
                    .location(URI.create("/api/projection/admin/rebuilds/" + started.id())).build();
        } catch (Rebuilds.AlreadyRunning e) {
            return Problem.of(Response.Status.CONFLICT, "rebuild-running", e.getMessage()).toResponse();
        }
    }

    @GET
    @Blocking
    @Operation(summary = "Rebuilds and their progress", description = "Roles: hub-admin (all four territories). "
            + "Newest first: state, events applied of the total, rate and time left.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RebuildStatus.class,
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<RebuildStatus> list() {
        caller.requireEveryTerritory();
        return rebuilds.list();
    }

    @GET
    @Path("/{id}")
    @Blocking
    @Operation(summary = "One rebuild and its progress", description = "Roles: hub-admin (all four territories).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "404", description = "No such rebuild", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response one(@PathParam("id") String id) {
        caller.requireEveryTerritory();
        return rebuilds.list().stream().filter(r -> String.valueOf(r.id()).equals(id)).findFirst()
                .map(r -> Response.ok(r).build())
                .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "not-found", "no rebuild " + id).toResponse());
    }
}
