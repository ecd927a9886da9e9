package fr.hubag.projection.sessions.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An upcoming workshop as the agenda shows it: when in the territory's own time ({@code localStart},
 * {@code localDate}, {@code zone}) and in UTC, where (the census actor or the commune), what, and the seats left.
 * No participant is named.
 */
@Schema(name = "AgendaWorkshop")
public record AgendaItem(UUID sessionId,
                         @Schema(description = "GP, GF, MQ or MF") String territory,
                         @Schema(description = "the census actor that runs it") UUID actorId,
                         String title, List<String> themes,
                         @Schema(description = "debutant, intermediaire, avance; absent when not said") String level,
                         @Schema(description = "lieu_activite, domicile, a_distance, autre") String placeType,
                         @Schema(description = "the census actor where it takes place (lieu_activite)")
                         UUID placeActorId,
                         @Schema(description = "the commune: the session's own (autre), else the place's in the "
                                 + "census when the projection knows it") String communeInseeCode,
                         @Schema(description = "local wall-clock start in the territory, YYYY-MM-DDTHH:MM",
                                 example = "2026-12-01T09:00") String localStart,
                         @Schema(description = "the start's date in the territory") LocalDate localDate,
                         @Schema(description = "the territory's IANA zone", example = "America/Cayenne") String zone,
                         @Schema(description = "the same start in UTC") Instant startsAt,
                         int durationMinutes, int capacity, int enrolled,
                         @Schema(description = "capacity - enrolled") int freeSeats,
                         @Schema(description = "people on the waiting list") int waiting) {}
