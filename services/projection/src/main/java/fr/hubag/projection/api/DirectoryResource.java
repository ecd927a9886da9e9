package fr.hubag.projection.api;

import fr.hubag.eventsourcing.Territory;
import fr.hubag.projection.infra.ActorDirectoryQueries;
import fr.hubag.projection.infra.DirectorySchema;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The directory of actors, per territory and hub-wide. A territory's directory is read from that territory's own
 * schema; the token must cover the territory. The hub-wide view is for hub staff only.
 */
@Path("/api/projection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "directory", description = "Read models of the census, per territory and hub-wide")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Bad query parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or territory not covered by the token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DirectoryResource {

    private final ActorDirectoryQueries queries;
    private final Caller caller;

    public DirectoryResource(ActorDirectoryQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/territories/{territory}/actors")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR, Roles.PARTNER})
    @Operation(summary = "Search a territory's directory of actors",
            description = "Roles: coordinator, mediator, partner of the territory; hub-admin.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DirectoryPage.class)))
    public Uni<DirectoryPage> territory(
            @PathParam("territory") @Schema(enumeration = {"GP", "GF", "MQ", "MF"}) String territory,
            @Parameter(description = "text in the name") @QueryParam("q") String text,
            @Parameter(description = "INSEE code or name of a commune") @QueryParam("commune") String commune,
            @QueryParam("kind") String kind,
            @Parameter(description = "label held on `on` (default: today in the territory)") @QueryParam("label") String label,
            @Parameter(description = "date for `label`, YYYY-MM-DD") @QueryParam("on") String on,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Territory t = Territory.parse(territory).orElseThrow(() -> InvalidRequest.of("territory",
                "must be one of " + Arrays.toString(Territory.values())));
        caller.requireTerritory(t);
        return page(t.name(), DirectorySchema.of(t), text, commune, kind, label, on, limit, offset,
                LocalDate.now(t.zone()));
    }

    @GET
    @Path("/hub/actors")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Search the hub-wide directory of actors", description = "Role: hub-admin.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DirectoryPage.class)))
    public Uni<DirectoryPage> hub(@QueryParam("q") String text, @QueryParam("commune") String commune,
                                  @QueryParam("kind") String kind, @QueryParam("label") String label,
                                  @QueryParam("on") String on,
                                  @QueryParam("limit") @DefaultValue("50") int limit,
                                  @QueryParam("offset") @DefaultValue("0") int offset) {
        return page(DirectorySchema.HUB, DirectorySchema.HUB, text, commune, kind, label, on, limit, offset,
                LocalDate.now(Territory.MQ.zone()));
    }

    private Uni<DirectoryPage> page(String view, String schema, String text, String commune, String kind,
                                    String label, String on, int limit, int offset, LocalDate today) {
        Violations v = new Violations();
        Optional<LocalDate> date = v.date("on", on, false);
        if (limit < 1 || limit > 500) {
            v.add("limit", "must be between 1 and 500");
        }
        if (offset < 0) {
            v.add("offset", "must not be negative");
        }
        v.throwIfAny();
        var filter = new ActorDirectoryQueries.Filter(blankToNull(text), blankToNull(commune), blankToNull(kind),
                blankToNull(label), date.orElse(today));
        return queries.search(schema, filter, limit, offset)
                .map(page -> new DirectoryPage(view, page.total(), limit, offset, page.items()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
