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
        for (String value : in.values(column)) {
            Optional<Reading> reading = translate.apply(value);
            if (reading.isEmpty()) {
                in.problems().error(target, from + "'" + Text.cap(value, 60) + "' is not a known value; allowed: "
                        + allowed);
                continue;
            }
            switch (reading.get()) {
                case Mapped(Programme programme) -> programmes.add(programme);
                case Mapped(TrainingLabel label) -> trainingLabels.add(label);
                case Mapped(Public aPublic) -> publics.add(aPublic);
                case Mapped(SpecificSupport support) -> specificSupport.add(support);
                case Mapped(Fee fee) -> fees.add(fee);
                case Mapped mapped -> throw new IllegalStateException("unexpected legacy mapping " + mapped);
                case OtherLabel(String label, String warning) -> {
                    otherTrainingLabels.add(label);
                    in.problems().warn(StandardField.AUTRES_FORMATIONS_LABELS, from + warning);
                }
                case Dropped(String warning) -> {
                    if (warning != null) {
                        in.problems().warn(target, from + warning);
                    }
                }
            }
        }
    }
}
