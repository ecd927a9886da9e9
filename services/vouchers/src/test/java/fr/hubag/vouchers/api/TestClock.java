package fr.hubag.vouchers.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the system's, unless a test sets an instant (a redemption at 23:30 on 31 January in
 * Cayenne). Replaces the service's default clock bean; tests that set it reset it when done.
 */
@Singleton
public class TestClock {

    private static final Settable CLOCK = new Settable();

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    static void at(Instant instant) {
        CLOCK.fixed = instant;
    }

    static void reset() {
        CLOCK.fixed = null;
    }

    private static final class Settable extends Clock {
        private volatile Instant fixed;

        @Override
        public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(ZoneId zone) { return Clock.fixed(instant(), zone); }

        @Override
        public Instant instant() {
            Instant at = fixed;
            return at == null ? Instant.now() : at;
        }
    }
}
