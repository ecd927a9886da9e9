package fr.hubag.servicekit.problem;

import fr.hubag.domain.Dates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Collects every problem of a request before answering, so a client learns all of them at once. Small on purpose:
 * checks return the parsed value (or empty) so a resource validates and converts in one pass.
 */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A required text, trimmed, of at most {@code max} characters. */
    public Optional<String> text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, "must be at most " + max + " characters");
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    public Optional<String> matches(String field, String value, String regex, String expected) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return Optional.empty();
        }
        if (!value.strip().matches(regex)) {
            add(field, "must be " + expected);
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    /** A required code from a closed list (an enumeration of a national vocabulary, for instance). */
    public <T> Optional<T> oneOf(String field, String value, Function<String, Optional<T>> parse, Object[] allowed) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return Optional.empty();
        }
        Optional<T> parsed = parse.apply(value.strip());
        if (parsed.isEmpty()) {
            add(field, "must be one of " + Arrays.toString(allowed));
        }
        return parsed;
    }

    public Optional<LocalDate> date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            add(field, "must be a date as YYYY-MM-DD");
            return Optional.empty();
        }
        if (!Dates.plausible(date)) {
            add(field, Dates.outOfRange());
            return Optional.empty();
        }
        return Optional.of(date);
    }

    public void require(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
    }

    public boolean ok() { return errors.isEmpty(); }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
