package fr.hubag.actors.infra.importing;

import fr.hubag.actors.domain.place.FieldProblem;
import fr.hubag.actors.domain.place.LegacyField;
import fr.hubag.contracts.actors.Place;
import fr.hubag.actors.domain.place.PlaceReader;
import fr.hubag.actors.domain.place.PlaceReading;
import fr.hubag.actors.domain.place.RawPlace;
import fr.hubag.actors.domain.place.ReadOptions;
import fr.hubag.actors.domain.place.StandardField;
import fr.hubag.actors.domain.place.Text;
import fr.hubag.actors.infra.importing.ImportReport.Issue;
import fr.hubag.actors.infra.importing.ImportReport.RowReport;
import fr.hubag.domain.Territory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one raw row of a file into a place ready to record, or a rejection naming the standard's column at fault.
 * It also decides which actor a row stands for: the row's {@code id} when it is an actor id (a re-imported
 * export), otherwise an id derived from it, so the same file always lands on the same actors.
 */
public final class RowReader {

    static final List<String> REQUIRED_COLUMNS = List.of("nom", "commune", "code_postal", "adresse");

    private final PlaceReader reader = new PlaceReader();
    private final boolean legacy;
    private final boolean acceptUnknownPivot;

    private final java.time.Instant importedAt = java.time.Instant.now();

    public RowReader(boolean legacy, boolean acceptUnknownPivot) {
        this.legacy = legacy;
        this.acceptUnknownPivot = acceptUnknownPivot;
    }

    public sealed interface Outcome permits Ready, Rejected {}

    public record Rejected(RowReport report) implements Outcome {}

    public record Ready(RawRow raw, String externalId, UUID actorId, Territory territory, Place place, List<Issue> warnings)
            implements Outcome {

        public RowReport done(String status) {
            return new RowReport(raw.row(), raw.line(), externalId, status, actorId, territory.name(), List.of(),
                    warnings);
        }

        public RowReport withWarning(String status, Issue warning) {
            List<Issue> all = new ArrayList<>(warnings);
            all.add(warning);
            return new RowReport(raw.row(), raw.line(), externalId, status, actorId, territory.name(), List.of(), all);
        }

        public RowReport rejected(Issue problem) {
            return new RowReport(raw.row(), raw.line(), externalId, ImportReport.REJECTED, actorId, territory.name(),
                    List.of(problem), warnings);
        }
    }

    public Outcome read(RawRow raw, Set<Territory> covered) {
        String externalId = raw.values().get("id") == null ? null : String.valueOf(raw.values().get("id")).strip();
        if (raw.problem() != null) {
            return reject(raw, externalId, List.of(new Issue("row", raw.problem())));
        }
        PlaceReading reading = reader.read(RawPlace.ofColumns(raw.values()),
                new ReadOptions(acceptUnknownPivot, legacy, importedAt));
        return switch (reading) {
            case PlaceReading.Invalid invalid -> reject(raw, externalId, issues(invalid.problems()));
            case PlaceReading.Valid valid -> {
                Place place = valid.place();
                Territory territory = place.commune().territory().orElseThrow();
                if (!covered.contains(territory)) {
                    yield reject(raw, externalId, List.of(new Issue("commune", place.commune().name() + " is in "
                            + territory.label() + ", which your token does not cover")));
                }
                yield new Ready(raw, externalId, actorIdOf(externalId, place), territory, place,
                        issues(valid.warnings()));
            }
        };
    }

    private static Outcome reject(RawRow raw, String externalId, List<Issue> problems) {
        return new Rejected(new RowReport(raw.row(), raw.line(), externalId, ImportReport.REJECTED, null, null,
                problems, List.of()));
    }

    private static List<Issue> issues(List<FieldProblem> problems) {
        return problems.stream().map(p -> new Issue(p.field().standardName(), p.reason(), p.kind(), p.read(),
                p.recorded())).toList();
    }

    /** A row's actor: its id if that is an actor id, else derived from its id, else from its name and address. */
    static UUID actorIdOf(String externalId, Place place) {
        if (externalId != null && !externalId.isEmpty()) {
            try {
                return UUID.fromString(externalId);
            } catch (IllegalArgumentException notAnActorId) {
                return UUID.nameUUIDFromBytes(("standard-mediation-num/" + externalId).getBytes(StandardCharsets.UTF_8));
            }
        }
        String identity = Text.loose(place.name()) + "|" + Text.loose(place.address())
                + "|" + place.commune().inseeCode();
        return UUID.nameUUIDFromBytes(("standard-mediation-num/" + identity).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isLegacyColumn(String column) {
        return LegacyField.marksOlderExport(column);
    }

    public static boolean isKnownColumn(String column) {
        return LegacyField.understood(column) || Arrays.stream(StandardField.values())
                .anyMatch(f -> f.standardName().equals(column));
    }

    public static List<String> missingRequiredColumns(List<String> header) {
        return REQUIRED_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    }

}
