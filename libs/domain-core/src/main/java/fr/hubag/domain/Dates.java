package fr.hubag.domain;

import java.time.LocalDate;

/**
 * The calendar dates the platform accepts anywhere (a label's validity, an enrolment, a query's {@code on}): from
 * 1900 to 2199. Java reads years up to ±999 999 999 and PostgreSQL stores up to 5874897: a date outside this range
 * is a typo or an attack, and once stored in an event it could stop every read model that cannot hold it.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private Dates() {}

    public static boolean plausible(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** The refusal's wording, the same everywhere. */
    public static String outOfRange() {
        return "must be between " + EARLIEST + " and " + LATEST;
    }
}
