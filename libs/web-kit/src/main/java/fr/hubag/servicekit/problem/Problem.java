package fr.hubag.servicekit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error this platform returns. {@code code} is a stable
 * machine-readable reason; {@code errors} names the fields at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// named on the class so that every service's OpenAPI has it, for the error answers ProblemResponses documents
@Schema(name = "Problem")
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      String correlationId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.Status status, String code, String detail) {
        return new Problem("urn:hubag:problem:" + code, status.getReasonPhrase(), status.getStatusCode(), detail,
                null, code, null, null);
    }

    public static Problem of(int status, String title, String code, String detail) {
        return new Problem("urn:hubag:problem:" + code, title, status, detail, null, code, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, code, correlationId, fieldErrors);
    }

    public Problem at(String path, String correlation) {
        return new Problem(type, title, status, detail, path, code, correlation, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
