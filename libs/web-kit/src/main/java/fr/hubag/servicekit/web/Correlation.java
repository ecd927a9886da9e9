package fr.hubag.servicekit.web;

import fr.hubag.servicekit.problem.InvalidRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * Every request carries a correlation id: the caller's {@code X-Correlation-Id} if it sent a sane one (the gateway
 * always does), else a new one. It is echoed on the response, stored in event metadata and logged with problems,
 * so one id follows a mediator's request through the gateway, the service, Kafka and the projection.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String PROPERTY = "hubag.correlationId";
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String REQUEST_ID_RULE = "must be 1 to 100 characters among letters, digits and . _ : -";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        request.setProperty(PROPERTY, isSane(given) ? given : UUID.randomUUID().toString());
    }

    /**
     * A caller's {@code X-Request-Id} is kept in event metadata; one that is not an id (8 KB of HTML once was) is the
     * caller's mistake, refused with a 400 on every endpoint rather than stored or silently dropped.
     */
    @ServerRequestFilter
    public void checkRequestId(ContainerRequestContext request) {
        String requestId = request.getHeaderString(REQUEST_ID);
        if (requestId != null && !isSane(requestId)) {
            throw InvalidRequest.of(REQUEST_ID, REQUEST_ID_RULE);
        }
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id.toString());
        }
    }

    public static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }

    /** An id worth keeping: 1 to 100 of letters, digits and . _ : - (never markup or a whole document). */
    public static boolean isSane(String id) {
        return id != null && id.matches("[A-Za-z0-9._:-]{1,100}");
    }
}
