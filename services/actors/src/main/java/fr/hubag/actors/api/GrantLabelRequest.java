package fr.hubag.actors.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Grant a label or national programme over a period (dates inclusive, validUntil optional)")
public record GrantLabelRequest(
        @Schema(examples = "APTIC", required = true) String label,
        @Schema(examples = "2026-01-01", format = "date", required = true) String validFrom,
        @Schema(examples = "2026-12-31", format = "date") String validUntil) {}
