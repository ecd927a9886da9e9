package fr.hubag.projection.sessions.api;

import fr.hubag.projection.sessions.read.ActivityStatsQueries;
import fr.hubag.projection.sessions.read.AgendaQueries;
import fr.hubag.projection.sessions.read.ReferralQueries;
import fr.hubag.projection.sessions.read.TrajectoryQueries;
import fr.hubag.projection.shared.Scope;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

/** The hub-wide sessions read models: schema hub, every territory. */
@Path("/api/projection/hub/sessions")
public class HubSessionsResource extends SessionsEndpoints {

    public HubSessionsResource(AgendaQueries agenda, ActivityStatsQueries stats, TrajectoryQueries trajectories,
                               ReferralQueries referrals, CurrentIdentityAssociation identity) {
        super(agenda, stats, trajectories, referrals, identity);
    }

    @Override
    protected Scope scope(UriInfo uri) {
        return Scope.HUB;
    }
}
