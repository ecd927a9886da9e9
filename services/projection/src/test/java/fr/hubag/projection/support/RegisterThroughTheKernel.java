package fr.hubag.projection.support;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.hubag.domain.Decider;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.command.AggregateType;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResult;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A REST command as the actors service runs one, inside the projection's test application: the kernel's
 * {@link CommandExecutor} decides and appends an {@code ActorRegistered} (v2 payload as posted) to this database's
 * event store, so a test can follow one request through append, relay and projection. Test code only; hidden from
 * the OpenAPI document.
 */
@Path("/test-only/actors/{actorId}")
public class RegisterThroughTheKernel {

    record Register(ObjectNode payload) {}

    record Registered(@JsonValue ObjectNode payload) {}

    record State(String territory) {}

    static final AggregateType<Register, Registered, State> ACTOR = new AggregateType<>("actor",
            new Decider<>() {
                @Override
                public State initialState() { return new State(null); }

                @Override
                public List<Registered> decide(Register command, State state) {
                    return List.of(new Registered(command.payload()));
                }

                @Override
                public State evolve(State state, Registered event) {
                    return new State(event.payload().get("territory").asText());
                }
            },
            EventCodec.builder(Registered.class, event -> Instant.now()).event("ActorRegistered", 2, Registered.class)
                    .build(),
            State::territory);

    private final CommandExecutor executor;

    public RegisterThroughTheKernel(CommandExecutor executor) {
        this.executor = executor;
    }

    @POST
    @Consumes("application/json")
    @Operation(hidden = true)
    public Uni<Response> register(@PathParam("actorId") String actorId, String body) throws IOException {
        ObjectNode payload = (ObjectNode) EventCodec.JSON.readTree(body);
        return executor.execute(ACTOR, actorId, new Register(payload),
                        CommandContext.of("corr-" + actorId, "cause-" + actorId, "tester"))
                .map(result -> Response.status(result instanceof CommandResult.Decided<?> ? 201 : 422).build());
    }
}
