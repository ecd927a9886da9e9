package fr.hubag.servicekit.commands;

import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.ProblemMappers;
import fr.hubag.servicekit.web.Correlation;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.util.Set;

/**
 * The event store unreachable is the service's trouble, not the caller's, and not a bug: a 503 with
 * {@code Retry-After}, so a mediator's phone or a partner's batch retries (with the same Idempotency-Key) instead of
 * giving up on a 500. Other database errors stay 500s, logged with their correlation id.
 */
public class StoreProblemMappers {

    private static final Logger LOG = Logger.getLogger(StoreProblemMappers.class);

    /** PostgreSQL's states for "not now": connection exceptions (class 08), shutting down, starting, too busy. */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "53400");

    private final ProblemMappers general = new ProblemMappers();

    @ServerExceptionMapper({ConnectException.class, ClosedConnectionException.class})
    public Response unreachable(Exception e, ContainerRequestContext request) {
        return unavailable(e, request);
    }

    @ServerExceptionMapper
    public Response database(PgException e, ContainerRequestContext request) {
        return isUnavailable(e) ? unavailable(e, request) : general.unexpected(e, request);
    }

    static boolean isUnavailable(PgException e) {
        String state = e.getSqlState();
        return state != null && (state.startsWith("08") || UNAVAILABLE.contains(state));
    }

    private static Response unavailable(Exception e, ContainerRequestContext request) {
        LOG.warnf("event store unavailable on %s %s (correlation %s): %s", request.getMethod(),
                request.getUriInfo().getPath(), Correlation.of(request), e.toString());
        Response problem = ProblemMappers.respond(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "store-unavailable", "the service's database cannot be reached just now; nothing was recorded — "
                        + "retry in a few seconds with the same Idempotency-Key"), request);
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
