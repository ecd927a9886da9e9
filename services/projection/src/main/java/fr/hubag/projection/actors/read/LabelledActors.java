package fr.hubag.projection.actors.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The open places holding a label on a day, each with the bounds of the grant that covers that day, a page at a
 * time in name order.
 */
public record LabelledActors(String label, LocalDate on,
                             @Schema(description = "places holding it, counted up to 1000; see totalCapped") int total,
                             @Schema(description = "true when more places than total hold it: counting stopped there")
                             boolean totalCapped, List<Item> items,
                             @Schema(nullable = true, description = "path and query of the next page; null on the "
                                     + "last") String next) {

    @Schema(name = "LabelledActor")
    public record Item(UUID actorId, String territory, String name, Commune commune, LocalDate validFrom,
                       @Schema(nullable = true, description = "last day held; null: open-ended")
                       LocalDate validUntil) {}
}
