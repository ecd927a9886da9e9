package fr.hubag.vouchers.infra;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * The service's clock, the only one it reads: a command's time, the settlement's and the expiry's schedules, the
 * funders' alerts. The system's in UTC, shifted by {@code hub.vouchers.clock-offset} (zero but in rehearsals: the
 * smoke test lives through a month's settlement and an order's expiry in a minute by restarting the service ahead of
 * time). A bean so that a test can redeem at 23:30 on the last day of a month in Cayenne without waiting for it (a
 * test bean replaces this default).
 */
@Singleton
public class Clocks {

    private static final Logger LOG = Logger.getLogger(Clocks.class);

    private final Duration offset;

    public Clocks(@ConfigProperty(name = "hub.vouchers.clock-offset", defaultValue = "PT0S") Duration offset) {
        this.offset = offset;
    }

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return shifted(offset);
    }

    /** The system's clock in UTC, {@code offset} ahead (behind if negative). */
    public static Clock shifted(Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    void warnOfARehearsal(@Observes StartupEvent start) {
        if (!offset.isZero()) {
            LOG.warnf("REHEARSAL CLOCK: the vouchers service reads the time %s away from the system's "
                    + "(hub.vouchers.clock-offset): commands, settlement and expiry happen at that time and are "
                    + "recorded for good. For rehearsals on a throwaway runtime only (docs/vouchers.md#rehearsal-clock)",
                    offset);
        }
    }
}
