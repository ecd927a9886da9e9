package fr.hubag.projection.actors.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The open places holding a label on a day, each with the bounds of the grant that covers that day. */
public record LabelledActors(String label, LocalDate on, int total, List<Item> items) {

    @Schema(name = "LabelledActor")
    public record Item(UUID actorId, String territory, String name, Commune commune, LocalDate validFrom,
                       @Schema(nullable = true, description = "last day held; null: open-ended")
                       LocalDate validUntil) {}
}
