package fr.hubag.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");
    private final RetrySchedule schedule = RetrySchedule.DEFAULT;

    @Test
    void waitsGrowFourfoldUpToTwoHoursAndStopAfterEightAttempts() {
        assertThat(schedule.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.backoff(3)).isEqualTo(Duration.ofSeconds(80));
        assertThat(schedule.backoff(7)).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.backoff(50)).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.next(8, NOW, Optional.empty(), new Random(1))).isEmpty();
    }

    @Test
    void eachWaitIsDrawnBetweenHalfAndAllOfItSoEndpointsFailingTogetherSpreadOut() {
        Random random = new Random(42);
        long distinct = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> schedule.next(2, NOW, Optional.empty(), random).orElseThrow())
                .peek(at -> assertThat(Duration.between(NOW, at))
                        .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20)))
                .distinct().count();
        assertThat(distinct).isGreaterThan(150);
    }

    @Test
    void retryAfterIsHonouredButCapped() {
        Instant at = schedule.next(1, NOW, Optional.of(Duration.ofSeconds(120)), new Random(3)).orElseThrow();
        assertThat(at).isEqualTo(NOW.plusSeconds(120));

        Instant capped = schedule.next(1, NOW, Optional.of(Duration.ofDays(365)), new Random(3)).orElseThrow();
        assertThat(capped).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void retryAfterReadsSecondsOrAnHttpDateAndIgnoresTheRest() {
        assertThat(RetrySchedule.parseRetryAfter("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetrySchedule.parseRetryAfter("Fri, 27 Nov 2026 14:01:30 GMT", NOW))
                .contains(Duration.ofSeconds(90));
        assertThat(RetrySchedule.parseRetryAfter("Fri, 27 Nov 2026 13:00:00 GMT", NOW)).isEmpty();
        assertThat(RetrySchedule.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(RetrySchedule.parseRetryAfter("99999999999999999999999", NOW)).isEmpty();
        assertThat(RetrySchedule.parseRetryAfter(null, NOW)).isEmpty();
    }
}
