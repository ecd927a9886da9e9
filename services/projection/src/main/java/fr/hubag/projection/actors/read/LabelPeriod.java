package fr.hubag.projection.actors.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A label and the grant that covers the asked day: bounds inclusive, {@code validUntil} null when open-ended. */
public record LabelPeriod(String label, LocalDate validFrom,
                          @Schema(nullable = true, description = "last day held; null: open-ended")
                          LocalDate validUntil) {}
