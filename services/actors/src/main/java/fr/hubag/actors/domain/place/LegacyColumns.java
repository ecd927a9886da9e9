package fr.hubag.actors.domain.place;

import fr.hubag.contracts.standard.Fee;
import fr.hubag.contracts.standard.Programme;
import fr.hubag.contracts.standard.Public;
import fr.hubag.contracts.standard.SpecificSupport;
import fr.hubag.contracts.standard.TrainingLabel;
import fr.hubag.actors.domain.place.LegacyVocabulary.Dropped;
import fr.hubag.actors.domain.place.LegacyVocabulary.Mapped;
import fr.hubag.actors.domain.place.LegacyVocabulary.OtherLabel;
import fr.hubag.actors.domain.place.LegacyVocabulary.Reading;

import fr.hubag.domain.Coded;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Adds what the legacy columns say to the v1 values read from the standard's columns, through
 * {@link LegacyVocabulary}. Problems and warnings go on the v1 field and name the legacy column.
 */
final class LegacyColumns {

    final Set<Programme> programmes = new LinkedHashSet<>();
    final Set<TrainingLabel> trainingLabels = new LinkedHashSet<>();
    final Set<String> otherTrainingLabels = new LinkedHashSet<>();
    final Set<Public> publics = new LinkedHashSet<>();
    final Set<SpecificSupport> specificSupport = new LinkedHashSet<>();
    final Set<Fee> fees = new LinkedHashSet<>();

    private final FieldReader in;

    LegacyColumns(FieldReader in, List<Programme> programmes, List<TrainingLabel> trainingLabels,
                  List<String> otherTrainingLabels, List<Public> publics, List<SpecificSupport> specificSupport,
                  List<Fee> fees) {
        this.in = in;
        this.programmes.addAll(programmes);
        this.trainingLabels.addAll(trainingLabels);
        this.otherTrainingLabels.addAll(otherTrainingLabels);
        this.publics.addAll(publics);
        this.specificSupport.addAll(specificSupport);
        this.fees.addAll(fees);
    }

    LegacyColumns read() {
        read(LegacyField.LABELS_NATIONAUX, v -> Optional.of(LegacyVocabulary.nationalLabel(v)), "");
        read(LegacyField.PUBLICS_ACCUEILLIS, LegacyVocabulary::publicAccueilli,
                "Jeunes, Étudiants, Familles et/ou enfants, Seniors, Femmes, Tout public, or a specific support "
                        + "(Surdité, Déficience visuelle, Handicaps mentaux, Illettrisme, ...)");
        read(LegacyField.CONDITIONS_ACCES, LegacyVocabulary::accessCondition,
                "Gratuit, Gratuit sous condition, Payant, Adhésion");
        return this;
    }

    private void read(LegacyField column, Function<String, Optional<Reading>> translate, String allowed) {
        StandardField target = column.target();
        String from = column.columnName() + " (legacy column, read into " + target.standardName() + "): ";
        List<String> mappedFrom = new ArrayList<>();
        List<String> mappedTo = new ArrayList<>();
        for (String value : in.values(column)) {
            // a former label unknown to v1 is kept as text, so it must not count as "known" when splitting
            List<String> pieces = MultiValues.pieces(value,
                            p -> translate.apply(p).filter(r -> !(r instanceof OtherLabel)).isPresent())
                    .orElse(List.of(value));
            if (pieces.size() > 1) {
                in.problems().correct(target, Correction.MULTI_VALUE_SPLIT, value, String.join("|", pieces),
                        from + pieces.size() + " values written as one (joined by spaces or new lines): split");
            }
            for (String piece : pieces) {
                String read = pieces.size() == 1 ? value : piece;
                Optional<Reading> reading = translate.apply(piece);
                if (reading.isEmpty()) {
                    in.problems().optional(target, read, from + "'" + Text.cap(read, 60)
                            + "' is not a known value; allowed: " + allowed);
                    continue;
                }
                switch (reading.get()) {
                    case Mapped(Coded mapped) -> {
                        record(mapped);
                        mappedFrom.add(read);
                        mappedTo.add(mapped.code());
                    }
                    case OtherLabel(String label, String warning) -> {
                        otherTrainingLabels.add(label);
                        in.problems().correct(StandardField.AUTRES_FORMATIONS_LABELS, Correction.LEGACY_LABEL_KEPT,
                                read, label, from + warning);
                    }
                    case Dropped(String warning) -> in.problems().correct(target, Correction.LEGACY_VALUE_DROPPED,
                            read, null, from + "'" + Text.cap(read, 60) + "': " + warning);
                }
            }
        }
        if (!mappedFrom.isEmpty()) {
            in.problems().correct(target, Correction.LEGACY_VALUE_MAPPED, String.join("|", mappedFrom),
                    String.join("|", mappedTo), from + FieldReader.arrows(mappedFrom, mappedTo));
        }
    }

    private void record(Coded value) {
        switch (value) {
            case Programme programme -> programmes.add(programme);
            case TrainingLabel label -> trainingLabels.add(label);
            case Public aPublic -> publics.add(aPublic);
            case SpecificSupport support -> specificSupport.add(support);
            case Fee fee -> fees.add(fee);
            default -> throw new IllegalStateException("unexpected legacy mapping " + value);
        }
    }
}
