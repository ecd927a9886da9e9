package fr.hubag.servicekit.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemMappersTest {

    private static final ProblemMappers MAPPERS = new ProblemMappers();

    /** Just enough of a request for the mappers: its path, no correlation id. */
    private static final ContainerRequestContext REQUEST = (ContainerRequestContext) Proxy.newProxyInstance(
            ProblemMappersTest.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getUriInfo" -> Proxy.newProxyInstance(ProblemMappersTest.class.getClassLoader(),
                        new Class<?>[] {UriInfo.class}, (p, m, a) -> m.getName().equals("getPath") ? "/api/x" : null);
                case "getMethod" -> "POST";
                default -> null;
            });

    private static Problem problem(WebApplicationException e) {
        return (Problem) MAPPERS.web(e, REQUEST).getEntity();
    }

    @Test
    void aBare400FromTheFrameworkIsAMalformedBody() {
        // what RESTEasy Reactive throws for a Content-Type it cannot parse
        Problem bare = problem(new WebApplicationException(Response.status(400).build()));
        assertEquals("malformed-body", bare.code());
        assertEquals("the body is not valid JSON", bare.detail());
        assertEquals("malformed-body", problem(new BadRequestException()).code());
    }

    @Test
    void otherFailuresKeepTheirAnswers() {
        // a 400 with a cause that is not JSON: a parameter that could not be converted
        Problem parameter = problem(new BadRequestException(new NumberFormatException("x")));
        assertEquals("bad-request", parameter.code());
        assertEquals(400, parameter.status());
        assertEquals("not-found", problem(new NotFoundException()).code());
        assertEquals("unsupported-media-type",
                problem(new WebApplicationException(Response.status(415).build())).code());
        assertEquals(500, problem(new WebApplicationException(Response.status(503).build())).status());
    }

    @Test
    void aClientThatClosedTheConnectionIsToldApartFromAFailure() {
        // what Vert.x's output stream throws when an export's reader has gone
        Throwable gone = new java.io.IOException(new java.io.IOException("Failed to write",
                new java.io.IOException("Connection has been closed")));
        assertEquals(true, ProblemMappers.clientGone(gone));
        assertEquals(false, ProblemMappers.clientGone(new java.io.IOException("Failed to write")));
        assertEquals(false, ProblemMappers.clientGone(new IllegalStateException("Connection has been closed")));
    }
}
