package fr.hubag.actors.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A commune of a hub territory: its name, INSEE code and postcode, which must agree")
public record CommunePayload(
        @Schema(examples = "Fort-de-France") String name,
        @Schema(examples = "97209", pattern = "^97(1\\d{2}|2\\d{2}|3\\d{2}|801)$") String inseeCode,
        @Schema(examples = "97200", pattern = "^97\\d{3}$") String postcode) {}
