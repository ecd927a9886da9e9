package fr.hubag.projection.shared.rebuild;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/** One rebuild as the admin endpoint shows it. */
@Schema(name = "Rebuild", description = "A rebuild of a read model into a new generation, and how far it got")
public record RebuildStatus(
        @Schema(description = "rebuild number") long id,
        @Schema(description = "the read model rebuilt", example = "actors") String readModel,
        @Schema(description = "the generation being built (its schemas: mq_actors_g<n>…)") int generation,
        @Schema(description = "CATCHING_UP: reading the topic from the start; DUAL: the live consumer applies to "
                + "it too, the catch-up consumer finishes; SWITCHED: it serves; FAILED / ABANDONED (the service "
                + "stopped): the previous generation kept serving") State state,
        @Schema(description = "records on the topic when the rebuild began (end offsets)") long total,
        @Schema(description = "of those, the records read and applied") long applied,
        @Schema(description = "events applied per second since the start") long eventsPerSecond,
        @Schema(description = "seconds left at that rate; absent once finished", nullable = true) Long secondsLeft,
        OffsetDateTime startedAt,
        @Schema(description = "when the live consumer began applying to it too", nullable = true)
        OffsetDateTime dualAt,
        @Schema(description = "when it switched, failed or was abandoned", nullable = true) OffsetDateTime endedAt,
        @Schema(description = "by partition, the live consumer's next offset when it began applying to it too",
                nullable = true) Map<Integer, Long> takenOverAt,
        @Schema(nullable = true) String error) {

    public enum State {
        CATCHING_UP, DUAL, SWITCHED, FAILED, ABANDONED;

        boolean running() {
            return this == CATCHING_UP || this == DUAL;
        }
    }
}
