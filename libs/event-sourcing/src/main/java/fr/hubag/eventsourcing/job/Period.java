package fr.hubag.eventsourcing.job;

import fr.hubag.eventsourcing.command.CommandContext;

import java.time.LocalDate;

/**
 * One run of a periodic job: the days it covers ({@code start} inclusive, {@code end} exclusive) and its label. Its
 * commands take their idempotency keys from {@link #key(String)}, so a period run twice decides once.
 */
public record Period(String job, String label, LocalDate start, LocalDate end) {

    /** A key for one command of this run, e.g. {@code key("order-42")} → {@code vouchers.expiry:2026-12:order-42}. */
    public String key(String target) {
        return job + ":" + label + ":" + target;
    }

    /** The context of this run's command on {@code target}: run by the job, keyed and correlated by {@link #key}. */
    public CommandContext context(String target) {
        String key = key(target);
        return CommandContext.derived(job, key, key);
    }
}
