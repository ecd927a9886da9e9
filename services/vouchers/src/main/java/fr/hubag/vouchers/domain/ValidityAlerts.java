package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * A funder is warned from 30 days before its passes' validity end, as the national operator does, for as long as
 * some of them are not redeemed: through the validity's last days ({@code validity-ending}) and the month of
 * tolerance ({@code tolerance}), until they expire. Days are read in the order's territory's zone: the alert of an
 * order valid until 31 December in Martinique starts on 1 December there, whatever the date is in UTC.
 */
public final class ValidityAlerts {

    public static final int DAYS_BEFORE = 30;

    private ValidityAlerts() {}

    /** An order whose passes are not all redeemed, near or past its validity end: what is left and how long. */
    public record Alert(UUID orderId, String funderId, String territory, LocalDate validUntil,
                        LocalDate acceptedUntil, String phase, long daysLeft, long passes, long distributed,
                        long redeemed, long notDistributed, long notRedeemed, long notRedeemedCents) {}

    /** The first day of the alert: 30 days before the validity end. */
    public static LocalDate from(LocalDate validUntil) {
        return validUntil.minusDays(DAYS_BEFORE);
    }

    /** The alert for an activated, unexpired order at {@code now}, if it is in the window and passes are left. */
    public static Optional<Alert> of(OrderQuoted order, PassTallies tallies, Instant now) {
        LocalDate today = now.atZone(order.territory().zone()).toLocalDate();
        if (today.isBefore(from(order.validUntil())) || today.isAfter(order.acceptedUntil())) {
            return Optional.empty();
        }
        long passes = (long) order.booklets() * order.passesPerBooklet();
        long notRedeemed = passes - tallies.redeemed();
        if (notRedeemed <= 0) {
            return Optional.empty();
        }
        boolean valid = !today.isAfter(order.validUntil());
        long daysLeft = ChronoUnit.DAYS.between(today, valid ? order.validUntil() : order.acceptedUntil());
        return Optional.of(new Alert(order.orderId(), order.funderId(), order.territory().name(),
                order.validUntil(), order.acceptedUntil(), valid ? "validity-ending" : "tolerance", daysLeft, passes,
                tallies.distributed(), tallies.redeemed(), passes - tallies.distributed(), notRedeemed,
                notRedeemed * order.faceValueCents()));
    }
}
