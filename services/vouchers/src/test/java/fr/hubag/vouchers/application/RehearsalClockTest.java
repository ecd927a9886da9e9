package fr.hubag.vouchers.application;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.job.JobRunner;
import fr.hubag.eventsourcing.job.PeriodicJob;
import fr.hubag.vouchers.infra.Clocks;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rehearsal clock ({@code hub.vouchers.clock-offset}): the service's clock runs that far ahead of the system's,
 * and the settlement and expiry schedules take their time from it, not from the system, so a service restarted 50
 * days ahead settles the months and expires the orders of those 50 days (what {@code .ci/smoke-vouchers} relies on).
 */
class RehearsalClockTest {

    /** 28 November 2026 at noon UTC (08:00 in Martinique), and 49 days and an hour later: 16 January 2027, 13:00. */
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration OFFSET = Duration.ofDays(49).plusHours(1);
    private static final Clock AHEAD = Clock.offset(Clock.fixed(NOW, ZoneOffset.UTC), OFFSET);

    /** A job runner that records what it is asked to schedule instead of running it. */
    private static final class Recorded extends JobRunner {
        record Scheduled(PeriodicJob job, Duration every, Clock clock) {}

        final List<Scheduled> scheduled = new ArrayList<>();

        Recorded() {
            super(null, null);
        }

        @Override
        public long schedule(PeriodicJob job, Duration every, Clock clock) {
            scheduled.add(new Scheduled(job, every, clock));
            return scheduled.size();
        }
    }

    @Test
    void theServiceClockRunsTheOffsetAheadOfTheSystemsAndIsTheSystemsWithoutOne() {
        Instant before = Instant.now();
        Instant shifted = Clocks.shifted(Duration.ofDays(40)).instant();
        assertThat(Duration.between(before.plus(Duration.ofDays(40)), shifted)).isBetween(Duration.ZERO,
                Duration.ofSeconds(5));
        assertThat(Clocks.shifted(Duration.ZERO)).isEqualTo(Clock.systemUTC());
        assertThat(Clocks.shifted(Duration.ofDays(-3)).millis())
                .isCloseTo(Instant.now().minus(Duration.ofDays(3)).toEpochMilli(), within(5_000L));
    }

    @Test
    void theSettlementSettlesTheMonthsEndedOnTheServiceClockAfterTheGrace() {
        Recorded runner = new Recorded();
        new SettlementSchedule(runner, null, null, true, YearMonth.of(2026, 1), Duration.ofSeconds(2),
                Duration.ofHours(1), AHEAD).onStart(null);

        assertThat(runner.scheduled).hasSize(Territory.values().length);
        for (Recorded.Scheduled s : runner.scheduled) {
            assertThat(s.every()).isEqualTo(Duration.ofSeconds(2));
            assertThat(s.job().firstDay()).isEqualTo(LocalDate.of(2026, 1, 1));
            // the service's clock less the grace: 16 January 2027 at noon UTC, not 28 November 2026
            assertThat(s.clock().instant()).isEqualTo(Instant.parse("2027-01-16T12:00:00Z"));
            assertThat(YearMonth.now(s.clock().withZone(s.job().zone()))).isEqualTo(YearMonth.of(2027, 1));
        }
    }

    @Test
    void theExpiryRunsTheDaysEndedOnTheServiceClock() {
        Recorded runner = new Recorded();
        new ExpirySchedule(runner, null, null, Duration.ofSeconds(2), AHEAD).onStart(null);

        assertThat(runner.scheduled).hasSize(Territory.values().length);
        for (Recorded.Scheduled s : runner.scheduled) {
            assertThat(s.clock().instant()).isEqualTo(Instant.parse("2027-01-16T13:00:00Z"));
            // its first day is the service clock's yesterday in the territory: an order accepted until 14 January
            // 2027 (validity end 14 December) expires on the first run
            assertThat(s.job().firstDay()).isEqualTo(LocalDate.of(2027, 1, 15));
        }
    }
}
