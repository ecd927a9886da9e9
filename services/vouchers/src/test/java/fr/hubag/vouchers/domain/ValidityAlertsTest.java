package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.domain.Territory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert window, in the order's territory's calendar: from 30 days before the validity end to the tolerance's. */
class ValidityAlertsTest {

    static OrderQuoted order() {
        return new OrderQuoted(OrderDeciderTest.ORDER, "caf-972", Territory.MQ,
                new Perimeter(List.of(Territory.MQ), List.of()), 2, 10, 1000, 20_000, 400, 800, 20_800,
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), null, List.of(), Instant.EPOCH);
    }

    static final PassTallies SOME = new PassTallies(15, 6, 6_000, 0, 0, 0);

    @Test
    void theAlertStartsThirtyDaysBeforeTheValidityEndInTheOrdersZone() {
        // 30 November 23:30 in Martinique is 1 December in UTC: not yet
        assertThat(ValidityAlerts.of(order(), SOME, Instant.parse("2026-12-01T03:30:00Z"))).isEmpty();
        var first = ValidityAlerts.of(order(), SOME, Instant.parse("2026-12-01T04:00:00Z")).orElseThrow();
        assertThat(first.phase()).isEqualTo("validity-ending");
        assertThat(first.daysLeft()).isEqualTo(30);
        assertThat(first.passes()).isEqualTo(20);
        assertThat(first.notDistributed()).isEqualTo(5);
        assertThat(first.notRedeemed()).isEqualTo(14);
        assertThat(first.notRedeemedCents()).isEqualTo(14_000);
    }

    @Test
    void itLastsThroughTheToleranceThenStopsAndNeedsPassesLeft() {
        var tolerance = ValidityAlerts.of(order(), SOME, Instant.parse("2027-01-01T04:00:00Z")).orElseThrow();
        assertThat(tolerance.phase()).isEqualTo("tolerance");
        assertThat(tolerance.daysLeft()).isEqualTo(30);
        assertThat(ValidityAlerts.of(order(), SOME, Instant.parse("2027-02-01T03:59:00Z"))).isPresent();
        assertThat(ValidityAlerts.of(order(), SOME, Instant.parse("2027-02-01T04:00:00Z"))).isEmpty();
        assertThat(ValidityAlerts.of(order(), new PassTallies(20, 20, 20_000, 0, 0, 0),
                Instant.parse("2026-12-15T12:00:00Z"))).isEmpty();
    }
}
