package fr.hubag.projection.admin;

import fr.hubag.eventsourcing.consumer.ParkedEvents;
import fr.hubag.projection.actors.projector.ActorsProjector;
import fr.hubag.projection.shared.rebuild.Generation;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events the actors projection parked (docs/event-sourcing.md, "Parked events"): an event it could not apply,
 * and the later events of its stream behind it. A hub admin lists them and, once the code or the data is fixed,
 * re-applies them in order, or discards one that can never apply. Hub-wide only: a parked event may belong to any
 * territory, so the token must cover all four.
 */
@Path("/api/projection/admin/parked-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HUB_ADMIN)
@SecurityRequirement(name = "jwt")
@Tag(name = "admin", description = "Operating the projection: parked events")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a hub admin covering every territory")
public class ParkedEventsResource {

    private static final int MAX_STREAM = 200;

    private final ParkedEvents parked;
    private final ActorsProjector projector;
    private final Generations generations;
    private final Caller caller;

    public ParkedEventsResource(ParkedEvents parked, ActorsProjector projector, Generations generations,
                                Caller caller) {
        this.generations = generations;
        this.parked = parked;
        this.projector = projector;
        this.caller = caller;
    }

    /** One parked event; {@code payload} as received, which may not be JSON (that may be why it is parked). */
    public record ParkedEvent(UUID eventId, String streamId, String territory, String eventType, int schemaVersion,
                              long streamVersion, String topic, int partition, long offset, String payload,
                              String error, int attempts, Instant parkedAt) {}

    public record ParkedList(String consumer, List<ParkedEvent> items) {}

    public record Failure(String streamId, UUID eventId, String error) {}

    public record Reapplied(int applied, int skipped, int remaining, List<Failure> failures) {}

    @GET
    @Operation(summary = "List the parked events", description = "Roles: hub-admin covering every territory. "
            + "In stream order; `attempts` 0 and the error \"parked behind an earlier event of its stream\" mark an "
            + "event that is parked only to keep its stream's order.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ParkedList.class)))
    public Uni<ParkedList> list(
            @Parameter(description = "only this stream (an actor id)") @QueryParam("stream") String stream,
            @Parameter(description = "at most this many, 1 to 1000", schema = @Schema(type = SchemaType.INTEGER,
                    defaultValue = "100", minimum = "1", maximum = "1000")) @QueryParam("limit") String limit) {
        caller.requireEveryTerritory();
        String consumer = projector.liveConsumer();
        return parked.list(consumer, stream(stream), limit(limit))
                .map(events -> new ParkedList(consumer, events.stream().map(e -> new ParkedEvent(
                        e.eventId(), e.streamId(), e.territory(), e.eventType(), e.schemaVersion(),
                        e.streamVersion(), e.topic(), e.partition(), e.offset(), e.payload(), e.error(),
                        e.attempts(), e.parkedAt())).toList()));
    }

    @POST
    @Path("/reapply")
    @Operation(summary = "Re-apply parked events", description = "Roles: hub-admin covering every territory. "
            + "Once the code or the data is fixed: applies the parked events of one stream (or of every stream) in "
            + "their order, each once (an event already applied is skipped). A stream stops at an event that fails "
            + "again, which stays parked with its new error, and its later events with it; the other streams go on. "
            + "Safe to repeat.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Reapplied.class)))
    public Uni<Reapplied> reapply(
            @Parameter(description = "only this stream (an actor id); every stream if absent")
            @QueryParam("stream") String stream) {
        caller.requireEveryTerritory();
        Generation serving = generations.serving(projector);
        return parked.replay(serving.consumer(), stream(stream), (tx, event) -> projector.apply(tx, event, serving))
                .map(r -> new Reapplied(r.applied(), r.skipped(), r.remaining(), r.failures().stream()
                        .map(f -> new Failure(f.streamId(), f.eventId(), f.error())).toList()));
    }

    @POST
    @Path("/{eventId}/discard")
    @Operation(summary = "Discard a parked event", description = "Roles: hub-admin covering every territory. For an "
            + "event that can never apply (a record that is no event, say): it is dropped and marked processed, so "
            + "a redelivery skips it too. The read models then lack whatever it said; the events behind it in its "
            + "stream stay parked until re-applied.")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "404", description = "No such parked event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> discard(@PathParam("eventId") String eventId) {
        caller.requireEveryTerritory();
        UUID id = uuid(eventId);
        return parked.discard(projector.liveConsumer(), id).map(done -> done ? Response.noContent().build()
                : Problem.of(Response.Status.NOT_FOUND, "parked-event-not-found",
                        "no parked event " + id).toResponse());
    }


    private static String stream(String stream) {
        if (stream == null || stream.isBlank()) {
            return null;
        }
        if (stream.length() > MAX_STREAM || stream.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequest.of("stream", "a stream id of at most " + MAX_STREAM + " printable characters");
        }
        return stream;
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 100;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= 1000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequest.of("limit", "a whole number from 1 to 1000");
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("eventId", "an event id (UUID)");
        }
    }
}
