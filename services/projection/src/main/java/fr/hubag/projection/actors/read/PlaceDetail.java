package fr.hubag.projection.actors.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One place with every field of the national standard (v1.0.2) the hub keeps, English names, French values; the
 * directory's fields first. {@code labels} are those held on the day asked.
 */
public record PlaceDetail(UUID actorId, String territory, String name, List<String> typologies, Commune commune,
                          String address, Double latitude, Double longitude, String phone, List<String> emails,
                          List<String> websites, String openingHours, List<String> services, List<String> publics,
                          List<String> accessModes, List<String> supportModes, List<String> fees,
                          List<String> programmes, List<LabelPeriod> labels,
                          @Schema(nullable = true) LocalDate closedOn,
                          @Schema(description = "SIRET, SIREN or RNA; 00000000000000 when unknown") String pivot,
                          String addressComplement, String summary, String description, String source,
                          List<String> itinerance, String parentStructure, LocalDate updatedOn,
                          List<String> specificSupport, List<String> trainingLabels,
                          List<String> otherTrainingLabels, String accesLibreUrl, String appointmentUrl) {}
