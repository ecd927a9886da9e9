package fr.hubag.eventsourcing.job;

import java.time.LocalDate;
import java.time.YearMonth;

/** How often a periodic job runs: once per calendar day or per calendar month, in the job's time zone. */
public enum Cadence {
    DAILY {
        @Override
        public LocalDate startOf(LocalDate day) { return day; }

        @Override
        public LocalDate next(LocalDate start) { return start.plusDays(1); }

        @Override
        public String label(LocalDate start) { return start.toString(); }
    },
    MONTHLY {
        @Override
        public LocalDate startOf(LocalDate day) { return day.withDayOfMonth(1); }

        @Override
        public LocalDate next(LocalDate start) { return start.plusMonths(1); }

        @Override
        public String label(LocalDate start) { return YearMonth.from(start).toString(); }
    };

    /** The first day of the period that contains {@code day}. */
    public abstract LocalDate startOf(LocalDate day);

    /** The first day of the period after the one starting on {@code start}. */
    public abstract LocalDate next(LocalDate start);

    /** The period's name, which sorts in time order: {@code 2026-11-27} or {@code 2026-11}. */
    public abstract String label(LocalDate start);
}
