package fr.hubag.actors.domain.place;

import fr.hubag.domain.Coded;

import java.math.BigDecimal;
import fr.hubag.domain.Dates;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the loosely typed values of a {@link RawPlace} (CSV text, JSON numbers and lists) into Java values, one
 * field at a time, recording a problem for each field that cannot be read. Rules about what a value means live in
 * {@link PlaceReader}; this class only knows shapes: text, codes, numbers, dates, flags and lists.
 */
final class FieldReader {

    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("\\d+\\.0+");
    private static final Pattern ZERO_DECIMALS = Pattern.compile("\\.0+$");

    private final RawPlace raw;
    private final ReadOptions options;
    private final Problems problems;

    FieldReader(RawPlace raw, ReadOptions options, Problems problems) {
        this.raw = raw;
        this.options = options;
        this.problems = problems;
    }

    ReadOptions options() {
        return options;
    }

    Problems problems() {
        return problems;
    }

    /** True when the field has a non-blank value. */
    boolean present(StandardField field) {
        return text(raw.get(field)) != null;
    }

    /** A single text value, stripped; null when absent or blank. A list of one value is that value. */
    String text(StandardField field) {
        Object value = raw.get(field);
        if (value instanceof List<?> list) {
            List<String> values = list.stream().map(FieldReader::text).filter(v -> v != null).toList();
            if (values.size() > 1) {
                problems.error(field, "one value is expected, not a list of " + values.size());
                return null;
            }
            return values.isEmpty() ? null : values.getFirst();
        }
        return text(value);
    }

    String required(StandardField field, String what) {
        String value = text(field);
        if (value == null) {
            problems.error(field, "is required: " + what);
        }
        return value;
    }

    /** A code made of digits that may arrive as a JSON or spreadsheet number (97232, 97232.0): left-padded. */
    String code(StandardField field, int width) {
        Object value = raw.get(field);
        String text = text(field);
        if (text == null) {
            return null;
        }
        if (value instanceof Number || WHOLE_DECIMAL.matcher(text).matches()) {
            text = ZERO_DECIMALS.matcher(text).replaceFirst("");
            if (!DIGITS.matcher(text).matches()) {
                problems.error(field, "'" + text + "' is not a code: digits expected");
                return null;
            }
            return "0".repeat(Math.max(0, width - text.length())) + text;
        }
        return text;
    }

    /** A decimal number; "14,61" (a comma as decimal separator) is read as 14.61. */
    Double number(StandardField field) {
        Object value = raw.get(field);
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        String decimal = COMMA_DECIMAL.matcher(text).matches() ? text.replace(',', '.') : text;
        try {
            double d = Double.parseDouble(decimal);
            if (Double.isFinite(d) && DECIMAL.matcher(decimal).matches()) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.optional(field, text, "'" + text + "' is not a number (decimal degrees, e.g. 14.6161)");
        return null;
    }

    /** A date {@code YYYY-MM-DD}, or the date of an ISO date-time as written (no time-zone shift). */
    LocalDate date(StandardField field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (!Dates.plausible(date)) {
                problems.error(field, "'" + text + "' " + Dates.outOfRange());
                return null;
            }
            return date;
        } catch (DateTimeParseException notADate) {
            for (Function<String, LocalDate> dateTime : List.<Function<String, LocalDate>>of(
                    t -> OffsetDateTime.parse(t).toLocalDate(), t -> LocalDateTime.parse(t).toLocalDate())) {
                try {
                    return dateTime.apply(text.replace(' ', 'T'));
                } catch (DateTimeParseException ignored) {
                    // try the next form
                }
            }
        }
        problems.error(field, "'" + text + "' is not a date: YYYY-MM-DD expected (ISO 8601, e.g. 2024-04-02)");
        return null;
    }

    /** A yes/no flag: a boolean, or true/false, oui/non, 1/0; null when absent. */
    Boolean flag(StandardField field) {
        Object value = raw.get(field);
        if (value instanceof Boolean b) {
            return b;
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "oui", "yes", "1", "vrai" -> true;
            case "false", "non", "no", "0", "faux" -> false;
            default -> {
                problems.error(field, "'" + text + "' is not a yes/no value: true or false expected");
                yield null;
            }
        };
    }

    /**
     * The values of a multi-valued field: a list, or text split on | (and ; for legacy files); stripped, no blanks,
     * no duplicates.
     */
    List<String> values(StandardField field) {
        return values(raw.get(field), options.legacy());
    }

    /** Legacy columns only exist in older exports, which separated values with ; as often as with |. */
    List<String> values(LegacyField field) {
        return values(raw.get(field), true);
    }

    private List<String> values(Object value, boolean semicolons) {
        Set<String> values = new LinkedHashSet<>();
        List<?> items = value instanceof List<?> list ? list : (value == null ? List.of() : List.of(value));
        for (Object item : items) {
            String text = text(item);
            if (text == null) {
                continue;
            }
            for (String part : text.split(semicolons ? "[|;]" : "\\|")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return List.copyOf(values);
    }

    /**
     * The values of an enumerated field. A value not in the standard may be a pre-v1 one ({@code legacy}, applied only
     * for legacy files, where several values joined by spaces or new lines are also split); otherwise it is a problem
     * listing the allowed values — or, in a reading that repairs, a warning and the value left out.
     */
    <T extends Enum<T> & Coded> List<T> enums(StandardField field, Class<T> type,
                                              Function<String, Optional<T>> legacy) {
        Set<T> found = new LinkedHashSet<>();
        List<String> mappedFrom = new ArrayList<>();
        List<String> mappedTo = new ArrayList<>();
        for (String value : values(field)) {
            Optional<Vocabulary.Found<T>> match = Vocabulary.find(type, value);
            if (match.isPresent()) {
                found.add(match.get().value());
                if (!match.get().exact()) {
                    problems.correct(field, Correction.VALUE_SPELLING, value, match.get().value().code(),
                            "'" + value + "' read as '" + match.get().value().code() + "'");
                }
                continue;
            }
            Optional<List<String>> pieces = options.legacy()
                    ? MultiValues.pieces(value,
                            p -> Vocabulary.find(type, p).isPresent() || legacy.apply(p).isPresent())
                    : Optional.empty();
            if (pieces.isPresent()) {
                List<T> read = new ArrayList<>();
                for (String piece : pieces.get()) {
                    T v1 = Vocabulary.find(type, piece).map(Vocabulary.Found::value)
                            .orElseGet(() -> legacy.apply(piece).orElseThrow());
                    read.add(v1);
                    if (Vocabulary.find(type, piece).isEmpty()) {
                        mappedFrom.add(pieces.get().size() == 1 ? value : piece);
                        mappedTo.add(v1.code());
                    }
                }
                if (pieces.get().size() > 1) {
                    problems.correct(field, Correction.MULTI_VALUE_SPLIT, value, String.join("|", pieces.get()),
                            pieces.get().size() + " values written as one (joined by spaces or new lines): split");
                }
                found.addAll(read);
                continue;
            }
            Optional<T> old = legacy.apply(value);
            if (old.isPresent()) {
                problems.error(field, "'" + value + "' is a value of an older version of the standard: write '"
                        + old.get().code() + "' (or import the file as a legacy export)");
            } else {
                problems.optional(field, value, Vocabulary.unknown(value, type, field));
            }
        }
        if (!mappedFrom.isEmpty()) {
            problems.correct(field, Correction.LEGACY_VALUE_MAPPED, String.join("|", mappedFrom),
                    String.join("|", mappedTo), mappedFrom.size() + " pre-1.0 value(s) read as their v1.0.2 "
                            + "equivalent (docs/actors.md): " + arrows(mappedFrom, mappedTo));
        }
        return new ArrayList<>(found);
    }

    /** "'a' → 'b'; 'c' → 'd'". */
    static String arrows(List<String> from, List<String> to) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            pairs.add("'" + Text.cap(from.get(i), 40) + "' → '" + to.get(i) + "'");
        }
        return String.join("; ", pairs);
    }

    /** Any value as stripped text; numbers without a useless ".0" or exponent; null when blank. */
    static String text(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> Text.blankToNull(s);
            case BigDecimal d -> d.stripTrailingZeros().toPlainString();
            case Double d when Double.isFinite(d) -> new BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
            case Float f when Float.isFinite(f) -> new BigDecimal(f.toString()).stripTrailingZeros().toPlainString();
            case List<?> list -> Text.blankToNull(String.join("|", list.stream().map(FieldReader::text)
                    .filter(v -> v != null).toList()));
            default -> Text.blankToNull(String.valueOf(value));
        };
    }
}
