package fr.hubag.projection.actors.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Map;

/**
 * Figures of a scope on a day: places (open and closed now; open ones by typology), open places holding a label on
 * that day (by label; a place holding two counts once in {@code total}), aidants of open places active that day and
 * those of them with at least one training completed by then.
 */
public record Stats(@Schema(description = "GP, GF, MQ, MF or hub") String territory, LocalDate on, Actors actors,
                    Labelled labelled, Aidants aidants) {

    @Schema(name = "ActorCounts")
    public record Actors(long open, long closed, Map<String, Long> byTypology) {}

    @Schema(name = "LabelCounts")
    public record Labelled(long total, Map<String, Long> byLabel) {}

    @Schema(name = "AidantCounts")
    public record Aidants(long active, long trained) {}
}
