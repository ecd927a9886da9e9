package fr.hubag.servicekit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.hubag.domain.CommandRejected;
import fr.hubag.servicekit.security.OutsideTerritory;
import fr.hubag.servicekit.web.Correlation;
import fr.hubag.servicekit.web.StrictText;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer that names the problem. Client
 * mistakes are 4xx with the field at fault; anything unexpected is a 500 whose detail hides internals but whose
 * correlation id finds the logged cause.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequest e, ContainerRequestContext request) {
        return respond(Problem.of(Response.Status.BAD_REQUEST, "invalid-request", e.getMessage())
                .withErrors(e.errors()), request);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, ContainerRequestContext request) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        String detail;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown);
            detail = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof StrictText.Refused refused && field != null && !field.isEmpty()) {
            detail = refused.reason();
        } else if (e instanceof InvalidNullException && field != null && !field.isEmpty()) {
            detail = "must not be null";
        } else if (e instanceof JsonMappingException && field != null && !field.isEmpty()) {
            detail = "has the wrong type or format";
        } else {
            detail = "the body is not valid JSON";
        }
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "malformed-body",
                field == null || field.isEmpty() ? detail : field + ": " + detail);
        if (field != null && !field.isEmpty()) {
            problem = problem.withErrors(List.of(new FieldError(field, detail)));
        }
        return respond(problem, request);
    }

    /** Quarkus ships its own mapper for these; ours, more specific, keeps every 400 a problem document. */
    @ServerExceptionMapper({MismatchedInputException.class, UnrecognizedPropertyException.class})
    public Response mismatched(MismatchedInputException e, ContainerRequestContext request) {
        return unreadable(e, request);
    }

    @ServerExceptionMapper
    public Response rejected(CommandRejected e, ContainerRequestContext request) {
        return respond(problem(e), request);
    }

    /** A domain refusal as its problem (404, 409 or 422 with its code and field), for answers that carry several. */
    public static Problem problem(CommandRejected e) {
        Problem problem = switch (e.kind()) {
            case NOT_FOUND -> Problem.of(Response.Status.NOT_FOUND, e.code(), e.getMessage());
            case CONFLICT -> Problem.of(Response.Status.CONFLICT, e.code(), e.getMessage());
            case UNPROCESSABLE -> Problem.of(422, "Unprocessable Content", e.code(), e.getMessage());
        };
        if (e.field() != null) {
            problem = problem.withErrors(List.of(new FieldError(e.field(), e.getMessage())));
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response outside(OutsideTerritory e, ContainerRequestContext request) {
        return respond(Problem.of(Response.Status.FORBIDDEN, "outside-territory", e.getMessage()), request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        return Response.fromResponse(respond(Problem.of(Response.Status.UNAUTHORIZED, "unauthenticated",
                        "a valid bearer token is required"), request))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(Problem.of(Response.Status.FORBIDDEN, "forbidden-role",
                "your role may not call this endpoint"), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException unreadable) {
                return unreadable(unreadable, request);
            }
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() == 400 && unreadableRequest(e)) {
            return respond(Problem.of(Response.Status.BAD_REQUEST, "malformed-body", "the body is not valid JSON"),
                    request);
        }
        if (status.getStatusCode() >= 500) {
            return unexpected(e, request);
        }
        String code = switch (status.getStatusCode()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), code,
                e.getMessage() == null ? status.getReasonPhrase() : e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        String correlation = Correlation.of(request);
        if (clientGone(e)) {
            // the client stopped reading a streamed answer (an export read in part): no answer to give, nothing failed
            LOG.debugf("client closed the connection during %s %s (correlation %s)", request.getMethod(),
                    request.getUriInfo().getPath(), correlation);
        } else {
            LOG.errorf(e, "unexpected failure on %s %s (correlation %s)", request.getMethod(),
                    request.getUriInfo().getPath(), correlation);
        }
        return respond(Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "an unexpected error occurred; quote correlation id " + correlation), request);
    }

    /** Whether {@code e} comes from writing to a connection the client has closed (Vert.x's own message). */
    static boolean clientGone(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && "Connection has been closed".equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A bare 400 raised by RESTEasy Reactive before any reader ran, e.g. for a Content-Type it cannot parse: the
     * plain exception type, no cause. (Readers that fail report a cause, handled above; our own code throws typed
     * exceptions, never these.)
     */
    private static boolean unreadableRequest(WebApplicationException e) {
        return e.getCause() == null
                && (e.getClass() == WebApplicationException.class || e.getClass() == BadRequestException.class);
    }

    /** The problem as an answer at the request's path with its correlation id. */
    public static Response respond(Problem problem, ContainerRequestContext request) {
        return problem.at(request.getUriInfo().getPath(), Correlation.of(request)).toResponse();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
