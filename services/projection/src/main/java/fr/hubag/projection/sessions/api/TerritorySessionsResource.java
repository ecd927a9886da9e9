package fr.hubag.projection.sessions.api;

import fr.hubag.domain.Territory;
import fr.hubag.projection.sessions.read.ActivityStatsQueries;
import fr.hubag.projection.sessions.read.AgendaQueries;
import fr.hubag.projection.sessions.read.ReferralQueries;
import fr.hubag.projection.sessions.read.TrajectoryQueries;
import fr.hubag.projection.shared.QueryParams;
import fr.hubag.projection.shared.Scope;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;

/** One territory's sessions read models: schema gp, gf, mq or mf. */
@Path("/api/projection/territories/{territory}/sessions")
public class TerritorySessionsResource extends SessionsEndpoints {

    /** The territory of the path (a field: per request; the methods are the base class's). */
    @PathParam("territory")
    String territory; // documented by TerritoryInOpenApi

    /** For the request scope's client proxy only (a path parameter field makes the resource per request). */
    protected TerritorySessionsResource() {
        this(null, null, null, null, null);
    }

    @Inject
    public TerritorySessionsResource(AgendaQueries agenda, ActivityStatsQueries stats, TrajectoryQueries trajectories,
                                     ReferralQueries referrals, CurrentIdentityAssociation identity) {
        super(agenda, stats, trajectories, referrals, identity);
    }

    @Override
    protected Scope scope(UriInfo uri) {
        return Scope.of(Territory.parse(territory)
                .orElseThrow(QueryParams::badTerritory));
    }
}
