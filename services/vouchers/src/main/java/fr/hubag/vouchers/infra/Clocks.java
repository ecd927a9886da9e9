package fr.hubag.vouchers.infra;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The service's clock, read by the resources for a command's time: the system's in UTC. A bean so that a test can
 * redeem at 23:30 on the last day of a month in Cayenne without waiting for it (a test bean replaces this default).
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
