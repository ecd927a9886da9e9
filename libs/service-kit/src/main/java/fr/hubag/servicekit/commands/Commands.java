package fr.hubag.servicekit.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.web.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The HTTP adapter of the kernel's commands: reads {@code Idempotency-Key}, {@code If-Match} and the correlation id
 * into a {@link CommandContext}; encodes the HTTP answer (status, headers with the {@code ETag} of the new version,
 * body) as the text the kernel remembers for the key; and turns a {@link CommandResult} — decided now or replayed —
 * into the same JAX-RS response byte for byte. A domain refusal is thrown for the problem mappers. The request hash
 * is over the method, path and the parsed body re-serialised, so a retry with different white space still matches.
 */
@ApplicationScoped
public class Commands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ObjectMapper json;

    public Commands(ObjectMapper json) {
        this.json = json;
    }

    public CommandContext context(ContainerRequestContext request, Caller caller, Object body) {
        String key = request.getHeaderString(IDEMPOTENCY_KEY);
        if (key != null && !key.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw InvalidRequest.of(IDEMPOTENCY_KEY, "must be 1 to 128 characters among letters, digits and . _ : -");
        }
        String correlation = Correlation.of(request);
        String requestId = request.getHeaderString(Correlation.REQUEST_ID); // checked by Correlation's filter
        // the request's hash is what a key remembers of its request: without a key there is nothing to compare it to
        String requestHash = key == null ? null
                : hash(request.getMethod() + " " + request.getUriInfo().getPath() + "\n" + serialise(body));
        return new CommandContext(correlation, requestId == null ? correlation : requestId, caller.subject(), key,
                requestHash, expectedVersion(request.getHeaderString("If-Match")));
    }

    /**
     * The answer to give the executor for one request: the caller's HTTP answer for the outcomes, with the first
     * stream's version as {@code ETag} unless the caller set one, encoded for storage with the idempotency key.
     */
    public <S> Answer<S> answering(Function<List<CommandOutcome<S>>, CommandResponse> respond) {
        return new Answer<>(respond);
    }

    /**
     * One request's answer: encodes it for the kernel to remember, and turns the command's result into the JAX-RS
     * response — the one just decided as it is, a replayed one decoded from what was stored (the same bytes).
     */
    public final class Answer<S> implements Function<List<CommandOutcome<S>>, String> {
        private final Function<List<CommandOutcome<S>>, CommandResponse> respond;
        private CommandResponse decided;

        private Answer(Function<List<CommandOutcome<S>>, CommandResponse> respond) {
            this.respond = respond;
        }

        @Override
        public String apply(List<CommandOutcome<S>> outcomes) {
            CommandResponse response = respond.apply(outcomes);
            Map<String, String> headers = new HashMap<>(response.headers());
            headers.putIfAbsent("ETag", "\"" + outcomes.get(0).version() + "\"");
            decided = new CommandResponse(response.status(), headers, response.body());
            return serialise(decided);
        }

        public Response toResponse(CommandResult<S> result) {
            if (result instanceof CommandResult.Decided<S> && decided != null) {
                return Commands.toResponse(decided);
            }
            try {
                return Commands.toResponse(json.readValue(result.answerOrThrow(), CommandResponse.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable stored answer", e);
            }
        }
    }

    public static Response toResponse(CommandResponse response) {
        Response.ResponseBuilder builder = Response.status(response.status());
        response.headers().forEach(builder::header);
        if (response.body() != null && !response.body().isEmpty()) {
            builder.type("application/json").entity(response.body());
        }
        return builder.build();
    }

    public String toJson(Object value) { return serialise(value); }

    private String serialise(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        String value = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw InvalidRequest.of("If-Match", "must be the stream version as returned in ETag, e.g. \"3\"");
        }
    }

    /** The SHA-256 of a request's text, in hex: what an idempotency key remembers of the request it came with. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
