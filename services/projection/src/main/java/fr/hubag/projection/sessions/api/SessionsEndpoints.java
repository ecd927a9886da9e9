package fr.hubag.projection.sessions.api;

import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.ReferralOutcome;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.domain.Coded;
import fr.hubag.projection.sessions.read.ActivityStats;
import fr.hubag.projection.sessions.read.ActivityStatsQueries;
import fr.hubag.projection.sessions.read.AgendaFilter;
import fr.hubag.projection.sessions.read.AgendaPage;
import fr.hubag.projection.sessions.read.AgendaQueries;
import fr.hubag.projection.sessions.read.ReferralFilter;
import fr.hubag.projection.sessions.read.ReferralPage;
import fr.hubag.projection.sessions.read.ReferralQueries;
import fr.hubag.projection.sessions.read.TrajectoryDetail;
import fr.hubag.projection.sessions.read.TrajectoryPage;
import fr.hubag.projection.sessions.read.TrajectoryQueries;
import fr.hubag.projection.shared.Paging;
import fr.hubag.projection.shared.QueryParams;
import fr.hubag.projection.shared.Scope;
import fr.hubag.servicekit.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The sessions read endpoints of a scope (a territory or the hub): the agenda, open data like the directory; the
 * activity statistics, for staff; the pseudonymous trajectories, for staff and analysts; the partners' referrals,
 * each caller its own ({@link FollowUpAccess}). The two scopes are two root paths
 * ({@link TerritorySessionsResource}, {@link HubSessionsResource}) over these methods, so each is written once. The
 * agenda and the statistics are counts only; trajectories and referrals name people by pseudonymous id, never more.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions read models", description = "Agenda of upcoming workshops, activity statistics, "
        + "beneficiaries' trajectories and partners' referrals, per territory and hub-wide")
@APIResponse(responseCode = "400", description = "Bad parameter; every faulty one is named")
public abstract class SessionsEndpoints {

    private static final Pattern INSEE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final List<String> THEMES = List.of(Coded.codes(Theme.class));
    private static final List<String> LEVELS = List.of(Coded.codes(Level.class));
    private static final List<String> STATUSES = List.of("submitted", "accepted", "refused", "assigned", "closed",
            "expired");
    private static final List<String> OUTCOMES = List.of(Coded.codes(ReferralOutcome.class));

    private final AgendaQueries agenda;
    private final ActivityStatsQueries stats;
    private final TrajectoryQueries trajectories;
    private final ReferralQueries referrals;
    private final CurrentIdentityAssociation identity;

    protected SessionsEndpoints(AgendaQueries agenda, ActivityStatsQueries stats, TrajectoryQueries trajectories,
                                ReferralQueries referrals, CurrentIdentityAssociation identity) {
        this.agenda = agenda;
        this.stats = stats;
        this.trajectories = trajectories;
        this.referrals = referrals;
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
        Paging paging = Paging.of(params, size, cursor, AgendaQueries::validCursor, uri);
        params.check();
        return agenda.upcoming(scope, new AgendaFilter(first, last, communeCode, themeCode, levelCode),
                        paging.after(), paging.size())
                .map(page -> new AgendaPage(scope.name(), first, last, paging.size(), page.items(),
                        paging.next(page)));
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

    @GET
    @Path("/trajectories")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.ANALYST, Roles.MEDIATOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Trajectories of pseudonymous beneficiaries", description = "Roles: coordinator, "
            + "hub-admin, mediator and analyst whose token covers the territory; hub-wide, the rows of the territories "
            + "the token covers (at least one, else 403). Partners 403, no token 401. Pseudonymous ids and counts "
            + "only (the events carry no personal data): first and last contact, activities taken part in, themes, "
            + "last autonomy, sessions and days to the first `autonome`. In id order; paging: follow `next`.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrajectoryPage.class)))
    @APIResponse(responseCode = "403", description = "role not allowed, or territory not covered by the token")
    public Uni<TrajectoryPage> trajectories(
            @Parameter(description = "the census actor that registered the people (a UUID)")
            @QueryParam("actor") String actor,
            @Parameter(description = "true: those who reached autonomy; false: those who have not yet",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("autonomous") String autonomous,
            @Parameter(description = "trajectories per page", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size,
            @Parameter(description = "where to go on: the cursor of the previous page's next link, as given")
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Scope scope = scope(uri);
        QueryParams params = new QueryParams();
        UUID actorId = QueryParams.blankToNull(actor) == null ? null : params.uuid("actor", actor);
        Boolean reached = QueryParams.blankToNull(autonomous) == null ? null
                : params.bool("autonomous", autonomous, false);
        Paging paging = Paging.of(params, size, cursor, TrajectoryQueries::validCursor, uri);
        params.check();
        return identity.getDeferredIdentity()
                .map(caller -> FollowUpAccess.territories(caller, scope))
                .chain(readable -> trajectories.page(scope, readable, actorId, reached, paging.after(),
                        paging.size()))
                .map(page -> new TrajectoryPage(scope.name(), paging.size(), page.items(), paging.next(page)));
    }

    @GET
    @Path("/trajectories/{beneficiaryId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.ANALYST, Roles.MEDIATOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "One pseudonymous beneficiary's trajectory: autonomy over time", description = "Roles: as "
            + "the list. The trajectory and its steps, the activities the person took part in (reports naming them, "
            + "sessions where they were seen), in time order, each with the autonomy assessed. Still there after the "
            + "person's erasure (`erased`: the pseudonymous history stays).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrajectoryDetail.class)))
    @APIResponse(responseCode = "403", description = "role not allowed, or territory not covered by the token")
    @APIResponse(responseCode = "404", description = "no trajectory of this id in the territories readable here")
    public Uni<TrajectoryDetail> trajectory(
            @Parameter(description = "the pseudonymous beneficiary id")
            @PathParam("beneficiaryId") String beneficiaryId, @Context UriInfo uri) {
        Scope scope = scope(uri);
        QueryParams params = new QueryParams();
        UUID id = params.uuid("beneficiaryId", beneficiaryId);
        params.check();
        return identity.getDeferredIdentity()
                .map(caller -> FollowUpAccess.territories(caller, scope))
                .chain(readable -> trajectories.one(scope, readable, id))
                .map(found -> found.orElseThrow(() -> new NotFoundException("no trajectory of " + id)));
    }

    @GET
    @Path("/referrals")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR, Roles.PARTNER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Partners' referrals and their outcome", description = "Roles: a partner reads its own "
            + "referrals (those it submitted: the token's subject); a coordinator and a hub-admin every referral; a "
            + "mediator those assigned to an actor of the token's `actors` claim. All of them: of the territory, "
            + "which the token must cover; hub-wide, of the territories the token covers (at least one, else 403). "
            + "Analysts 403 (a referral ties a person to a partner), no token 401. Status `submitted`, `accepted`, "
            + "`refused` (with `refusalReason`), `assigned` (actor, session), `closed` (with `outcome`: `attended`, "
            + "`autonomous`, `redirected` and `redirectedTo`, `no_show`, `closed`) or `expired`; the time of each "
            + "step. Oldest change first; `changedSince` keeps those changed at or after an instant; paging: follow "
            + "`next`.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralPage.class)))
    @APIResponse(responseCode = "403", description = "role not allowed, or territory not covered by the token")
    public Uni<ReferralPage> referrals(
            @Parameter(description = "submitted, accepted, refused, assigned, closed, expired",
                    schema = @Schema(enumeration = {"submitted", "accepted", "refused", "assigned", "closed",
                            "expired"})) @QueryParam("status") String status,
            @Parameter(description = "attended, autonomous, redirected, no_show, closed",
                    schema = @Schema(enumeration = {"attended", "autonomous", "redirected", "no_show", "closed"}))
            @QueryParam("outcome") String outcome,
            @Parameter(description = "an instant, e.g. 2026-11-27T00:00:00Z: only referrals changed at or after it")
            @QueryParam("changedSince") String changedSince,
            @Parameter(description = "staff only: one partner's referrals (a partner always reads its own)")
            @QueryParam("partner") String partner,
            @Parameter(description = "referrals per page", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size,
            @Parameter(description = "where to go on: the cursor of the previous page's next link, as given")
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Scope scope = scope(uri);
        QueryParams params = new QueryParams();
        String statusCode = params.oneOf("status", status, STATUSES);
        String outcomeCode = params.oneOf("outcome", outcome, OUTCOMES);
        Instant since = null;
        if (QueryParams.blankToNull(changedSince) != null) {
            try {
                since = Instant.parse(changedSince.strip());
            } catch (DateTimeParseException e) {
                params.invalid("changedSince", "must be an instant, YYYY-MM-DDTHH:MM:SSZ");
            }
        }
        String partnerName = QueryParams.blankToNull(partner);
        if (partnerName != null && (partnerName.length() > 255
                || partnerName.chars().anyMatch(Character::isISOControl))) {
            params.invalid("partner", "must be a partner's token subject: at most 255 characters, none a control one");
        }
        Paging paging = Paging.of(params, size, cursor, ReferralQueries::validCursor, uri);
        params.check();
        Instant changed = since;
        return identity.getDeferredIdentity()
                .map(caller -> {
                    String own = FollowUpAccess.partner(caller);
                    return new ReferralFilter(FollowUpAccess.territories(caller, scope),
                            own != null ? own : partnerName, FollowUpAccess.assignedTo(caller),
                            statusCode, outcomeCode, changed);
                })
                .chain(filter -> referrals.page(scope, filter, paging.after(), paging.size()))
                .map(page -> new ReferralPage(scope.name(), paging.size(), page.items(), paging.next(page)));
    }
}
