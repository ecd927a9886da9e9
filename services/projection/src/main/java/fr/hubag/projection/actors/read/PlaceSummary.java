package fr.hubag.projection.actors.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A place as the directory lists it: the public facts of a structure (the national standard's fields), never a
 * person's data. {@code labels} are those held on the day asked.
 */
public record PlaceSummary(UUID actorId, String territory, String name, List<String> typologies, Commune commune,
                           String address, Double latitude, Double longitude, String phone, List<String> emails,
                           List<String> websites, String openingHours, List<String> services, List<String> publics,
                           List<String> accessModes, List<String> supportModes, List<String> fees,
                           List<String> programmes, List<LabelPeriod> labels,
                           @Schema(nullable = true, description = "set when the place is closed")
                           LocalDate closedOn) {}
