package fr.hubag.servicekit.commands;

import fr.hubag.eventsourcing.command.IdempotencyKeyReused;
import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The problem documents of the kernel's own refusals, beside the web kit's general mappers: a stale {@code If-Match}
 * (409) and an {@code Idempotency-Key} reused for another request (422). Kept here, with the command adapter, so
 * that the gateway — which runs no commands — needs no kernel.
 */
public class CommandProblemMappers {

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e, ContainerRequestContext request) {
        return ProblemMappers.respond(Problem.of(Response.Status.CONFLICT, "concurrent-modification",
                e.getMessage() + "; reload and retry"), request);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReused e, ContainerRequestContext request) {
        return ProblemMappers.respond(Problem.of(422, "Unprocessable Content", "idempotency-key-reused",
                e.getMessage()), request);
    }
}
