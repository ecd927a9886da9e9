package fr.hubag.projection.sessions.api;

import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.domain.Coded;
import fr.hubag.projection.sessions.read.ActivityStats;
import fr.hubag.projection.sessions.read.ActivityStatsQueries;
import fr.hubag.projection.sessions.read.AgendaFilter;
import fr.hubag.projection.sessions.read.AgendaPage;
import fr.hubag.projection.sessions.read.AgendaQueries;
import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.NextLink;
import fr.hubag.projection.shared.QueryParams;
import fr.hubag.projection.shared.Scope;
import fr.hubag.servicekit.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sessions read endpoints of a scope (a territory or the hub): the agenda, open data like the directory, and the
 * activity statistics, for staff. The two scopes are two root paths ({@link TerritorySessionsResource},
 * {@link HubSessionsResource}) over these methods, so each is written once. Counts only: no beneficiary id leaves.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions read models", description = "Agenda of upcoming workshops and activity statistics, per "
        + "territory and hub-wide")
@APIResponse(responseCode = "400", description = "Bad parameter; every faulty one is named")
public abstract class SessionsEndpoints {

    private static final Pattern INSEE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final List<String> THEMES = List.of(Coded.codes(Theme.class));
    private static final List<String> LEVELS = List.of(Coded.codes(Level.class));

    private final AgendaQueries agenda;
    private final ActivityStatsQueries stats;
    private final CurrentIdentityAssociation identity;

    protected SessionsEndpoints(AgendaQueries agenda, ActivityStatsQueries stats, CurrentIdentityAssociation identity) {
        this.agenda = agenda;
        this.stats = stats;
        this.identity = identity;
    }

    /** The scope the request names (a 400 for an unknown territory). */
    protected abstract Scope scope(UriInfo uri);

    @GET
    @Path("/agenda")
    @PermitAll
    @Operation(summary = "Upcoming workshops with their free seats", description = "Roles: public (no token "
            + "needed). Collective sessions neither cancelled nor completed that start after now, in start order; "
            + "times in the territory's own zone (localStart, localDate, zone) and in UTC (startsAt). `from` and "
            + "`to` are local dates of the territory (hub: each workshop's own). Every filter given must hold. "
            + "Paging: follow `next`.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgendaPage.class)))
    public Uni<AgendaPage> agenda(
            @Parameter(description = "INSEE code of the commune (the session's, or its census place's)")
            @QueryParam("commune") String commune,
            @Parameter(description = "a theme code", schema = @Schema(implementation = Theme.class))
            @QueryParam("theme") String theme,
            @Parameter(description = "a level code", schema = @Schema(implementation = Level.class))
            @QueryParam("level") String level,
            @Parameter(description = "first local date, YYYY-MM-DD (default: today in the territory)")
            @QueryParam("from") String from,
            @Parameter(description = "last local date, YYYY-MM-DD, inclusive (default: none)")
            @QueryParam("to") String to,
            @Parameter(description = "workshops per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "50")) @QueryParam("size") String size,
            @Parameter(description = "where to go on: the cursor of the previous page's next link, as given")
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Scope scope = scope(uri);
        QueryParams params = new QueryParams();
        String communeCode = QueryParams.blankToNull(commune);
        if (communeCode != null && !INSEE.matcher(communeCode).matches()) {
            params.invalid("commune", "must be an INSEE code of five characters (97302)");
        }
        String themeCode = params.oneOf("theme", theme, THEMES);
        String levelCode = params.oneOf("level", level, LEVELS);
        LocalDate first = params.date("from", from, scope.today());
        LocalDate last = params.date("to", to, null);
        if (last != null && last.isBefore(first)) {
            params.invalid("to", "must not be before from");
        }
        int pageSize = params.integer("size", size, 50, 1, QueryParams.MAX_SIZE);
        Cursor after = params.cursor("cursor", cursor);
        if (after != null && !AgendaQueries.validCursor(after)) {
            params.invalid("cursor", "must be the cursor of a next link, as given");
        }
        params.check();
        return agenda.upcoming(scope, new AgendaFilter(first, last, communeCode, themeCode, levelCode), after,
                        pageSize)
                .map(page -> new AgendaPage(scope.name(), first, last, pageSize, page.items(),
                        NextLink.of(uri, page.next())));
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.ANALYST, Roles.MEDIATOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Activity statistics in the national mediators' tool's shape", description = "Roles: "
            + "coordinator, hub-admin, analyst and mediator whose token covers the territory (hub: all four). "
            + "Counts only. Activities (reports and completed sessions alike: the last record of each) whose local "
            + "date is in [from, to], by type, theme, place type and duration; their participants, named and "
            + "anonymous, by age band, social status and gender; attendance of the sessions completed in the range "
            + "and its rates.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActivityStats.class)))
    public Uni<ActivityStats> stats(
            @Parameter(description = "first local date, YYYY-MM-DD (default: 1 January of `to`'s year)")
            @QueryParam("from") String from,
            @Parameter(description = "last local date, YYYY-MM-DD, inclusive (default: today in the territory)")
            @QueryParam("to") String to, @Context UriInfo uri) {
        Scope scope = scope(uri);
        QueryParams params = new QueryParams();
        LocalDate last = params.date("to", to, scope.today());
        LocalDate first = params.date("from", from, last.withDayOfYear(1));
        if (last.isBefore(first)) {
            params.invalid("to", "must not be before from");
        }
        params.check();
        return identity.getDeferredIdentity()
                .invoke(caller -> StatsAccess.require(caller, scope))
                .chain(() -> stats.of(scope, first, last));
    }
}
