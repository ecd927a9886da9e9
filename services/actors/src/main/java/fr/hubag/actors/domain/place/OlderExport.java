package fr.hubag.actors.domain.place;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What reading an older export of the standard adds before and around the v1 rules: columns under their former
 * names, an INSEE code from the geocoder's columns, a default update date, a summary too long for v1. Each is a
 * correction the row's report states, never a silent change.
 */
final class OlderExport {

    private static final Pattern ZEROS = Pattern.compile("0+");

    /** The geocoder's score from which its commune is trusted (the address base scores 0 to 1). */
    static final double GEOCODER_TRUSTED_SCORE = 0.8;

    private OlderExport() {}

    /** The row with its former columns (courriel, labels_autres, accessibilite, …) read into their v1 columns. */
    static RawPlace renamed(RawPlace raw, Problems problems) {
        Map<StandardField, Object> values = new EnumMap<>(StandardField.class);
        values.putAll(raw.values());
        for (LegacyField column : LegacyField.values()) {
            Object value = raw.get(column);
            StandardField target = column.target();
            if (column.role() != LegacyField.Role.RENAMED || FieldReader.text(value) == null
                    || given(target, raw.get(target))) {
                continue;
            }
            values.put(target, value);
            problems.correct(target, Correction.COLUMN_RENAMED, column.columnName(), target.standardName(),
                    "column '" + column.columnName() + "' of an older export read as '" + target.standardName() + "'");
        }
        return new RawPlace(values, raw.legacy());
    }

    /** A value is given; an all-zeros pivot is a placeholder, which a second pivot column may replace. */
    private static boolean given(StandardField field, Object value) {
        String text = FieldReader.text(value);
        return text != null && !(field == StandardField.PIVOT && ZEROS.matcher(text).matches());
    }

    /**
     * The geocoder's INSEE code ({@code result_citycode}) when the row has none, the geocoder's score is at least
     * {@value #GEOCODER_TRUSTED_SCORE} and that commune has the row's postcode; empty otherwise.
     */
    static Optional<String> inseeFromGeocoder(RawPlace raw, String postcode, CommuneRegistry communes,
                                              Problems problems) {
        String city = FieldReader.text(raw.get(LegacyField.RESULT_CITYCODE));
        String score = FieldReader.text(raw.get(LegacyField.RESULT_SCORE));
        if (city == null || score == null || postcode == null) {
            return Optional.empty();
        }
        double trust;
        try {
            trust = Double.parseDouble(score.replace(',', '.'));
        } catch (NumberFormatException notAScore) {
            return Optional.empty();
        }
        Optional<HubCommune> commune = communes.byInseeCode(city).filter(c -> c.hasPostcode(postcode));
        if (trust < GEOCODER_TRUSTED_SCORE || commune.isEmpty()) {
            return Optional.empty();
        }
        problems.correct(StandardField.CODE_INSEE, Correction.INSEE_FROM_GEOCODER, "result_citycode=" + city
                + " (result_score " + score + ")", city, "no code_insee: the geocoder's " + city + " ("
                + commune.get().name() + ", score " + score + ", postcode " + postcode + " agrees) recorded");
        return Optional.of(city);
    }

    /** The import's date in the territory's zone, for an older export's row without {@code date_maj}. */
    static LocalDate defaultUpdate(Instant importedAt, fr.hubag.domain.Territory territory, Problems problems) {
        LocalDate date = importedAt.atZone(territory.zone()).toLocalDate();
        problems.correct(StandardField.DATE_MAJ, Correction.DATE_MAJ_DEFAULTED, "", date.toString(),
                "no date_maj: the import's date " + date + " recorded");
        return date;
    }

    /** A summary over the standard's limit, moved ahead of the detail; the summary is then left empty. */
    static String movedSummary(String summary, String detail, Problems problems) {
        problems.correct(StandardField.PRESENTATION_RESUME, Correction.SUMMARY_MOVED, summary, null,
                "has " + summary.codePointCount(0, summary.length()) + " characters, more than "
                        + PlaceReader.SUMMARY_MAX + ": moved to presentation_detail");
        return detail == null ? summary : summary + "\n\n" + detail;
    }
}
