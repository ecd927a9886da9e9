package fr.hubag.projection.shared;

import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Violations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks and converts the read endpoints' parameters, all received as text: a bad number, boolean or vocabulary
 * value is then a 400 problem naming the parameter (and listing the allowed values), rather than the 404 JAX-RS
 * gives for an unconvertible {@code int}. Every fault of a request is reported at once.
 */
public final class QueryParams {

    public static final int MAX_SIZE = 200;

    private final Violations violations = new Violations();

    /** Reports a fault of parameter {@code name} (thrown with the others by {@link #check()}). */
    public void invalid(String name, String message) {
        violations.add(name, message);
    }

    /** A value of a closed list, or null when not given; anything else is reported with the allowed values. */
    public String oneOf(String name, String value, List<String> allowed) {
        String given = blankToNull(value);
        if (given != null && !allowed.contains(given)) {
            violations.add(name, "must be one of " + allowed.stream().map(v -> "\"" + v + "\"")
                    .collect(Collectors.joining(", ")));
            return null;
        }
        return given;
    }

    public LocalDate date(String name, String value, LocalDate otherwise) {
        return violations.date(name, value, false).orElse(otherwise);
    }

    public boolean bool(String name, String value, boolean otherwise) {
        String given = blankToNull(value);
        if (given == null) {
            return otherwise;
        }
        if (!given.equals("true") && !given.equals("false")) {
            violations.add(name, "must be true or false");
            return otherwise;
        }
        return given.equals("true");
    }

    public int integer(String name, String value, int otherwise, int min, int max) {
        String given = blankToNull(value);
        if (given == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(given);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(name, max == Integer.MAX_VALUE ? "must be an integer, " + min + " or more"
                : "must be an integer from " + min + " to " + max);
        return otherwise;
    }

    /** A token from a {@code next} link of the listing {@code ofThisListing} accepts, or null when not given. */
    public Cursor cursor(String name, String value, java.util.function.Predicate<Cursor> ofThisListing) {
        Cursor cursor = cursor(name, value);
        if (cursor != null && !ofThisListing.test(cursor)) {
            violations.add(name, "must be the cursor of a next link, as given");
        }
        return cursor;
    }

    /** A token from a {@code next} link, or null when not given. */
    public Cursor cursor(String name, String value) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        Cursor cursor = Cursor.of(given).orElse(null);
        if (cursor == null) {
            violations.add(name, "must be the cursor of a next link, as given");
        }
        return cursor;
    }

    public UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(name, "must be a UUID");
            return null;
        }
    }

    /** Throws the 400 problem if anything was wrong. */
    public void check() {
        violations.throwIfAny();
    }

    public static InvalidRequest badTerritory() {
        return InvalidRequest.of("territory", "must be one of GP, GF, MQ, MF");
    }

    /** The value stripped, or null when absent or blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
