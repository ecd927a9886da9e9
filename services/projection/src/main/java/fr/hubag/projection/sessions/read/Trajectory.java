package fr.hubag.projection.sessions.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where a pseudonymous beneficiary stands: their first and last contact with mediation, how many activities they took
 * part in and on which themes, their last assessed autonomy, and how many activities and days it took them to reach
 * {@code autonome} the first time. No personal data: the events carry none.
 */
@Schema(name = "Trajectory")
public record Trajectory(@Schema(description = "the pseudonymous beneficiary id") UUID beneficiaryId,
                         @Schema(description = "GP, GF, MQ or MF") String territory,
                         @Schema(description = "the census actor that registered the person (absent until the "
                                 + "projection has their registration)") UUID actorId,
                         @Schema(description = "when the person was registered") Instant registeredAt,
                         @Schema(description = "the person was erased (GDPR): this pseudonymous history is all "
                                 + "that is left") boolean erased,
                         @Schema(description = "local date of the first activity they took part in") LocalDate
                                 firstContact,
                         @Schema(description = "local date of the last one") LocalDate lastContact,
                         @Schema(description = "activities taken part in: activity reports naming them and scheduled "
                                 + "sessions where they were seen") int sessions,
                         @Schema(description = "the themes of those activities, each once") List<String> themes,
                         @Schema(description = "entierement_accompagne, partiellement_autonome, autonome: the last "
                                 + "assessed; absent if never") String lastAutonomy,
                         @Schema(description = "local date of the first activity assessed autonome; absent before")
                         LocalDate autonomousOn,
                         @Schema(description = "activities up to and including that one") Integer sessionsToAutonomy,
                         @Schema(description = "days from the first contact to autonomousOn") Integer daysToAutonomy) {}
