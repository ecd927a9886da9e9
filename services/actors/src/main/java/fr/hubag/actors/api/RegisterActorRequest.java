package fr.hubag.actors.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Register a structure of the mediation network. The territory is derived from the commune's "
        + "INSEE code; if `territory` is given it must agree.")
public record RegisterActorRequest(
        @Schema(examples = "Cyber-base du Lamentin", maxLength = 200, required = true) String name,
        @Schema(enumeration = {"association", "epn", "tiers_lieu", "france_services", "mairie", "bibliotheque",
                "ccas", "entreprise", "autre"}, required = true) String kind,
        @Schema(enumeration = {"GP", "GF", "MQ", "MF"}, description = "optional; must match the commune") String territory,
        @Schema(required = true) CommunePayload commune,
        @Schema(examples = "12 rue Schoelcher", maxLength = 300, required = true) String address) {}
