package fr.hubag.vouchers.domain;

import java.time.LocalDate;

/**
 * The money and dates of an order, in integer cents and local dates, never floating point. The fee is 4 % (400 basis
 * points) of the face total, computed once on the whole order and rounded to the nearest cent, halves up: 10 booklets
 * of 10 passes of 10 € = 1 000 € face, 40 € fee; 3 passes of 12.34 € = 37.02 € face, 1.4808 € → 1.48 € fee.
 */
public final class Fees {

    public static final int FEE_BASIS_POINTS = 400;

    private Fees() {}

    /** {@code faceTotalCents × basisPoints / 10 000}, to the nearest cent, halves up (amounts are never negative). */
    public static long fee(long faceTotalCents, int basisPoints) {
        return Math.addExact(Math.multiplyExact(faceTotalCents, basisPoints), 5_000) / 10_000;
    }

    /** The default validity end: 31 December of the order's year (the order's local date). */
    public static LocalDate defaultValidUntil(LocalDate orderedOn) {
        return LocalDate.of(orderedOn.getYear(), 12, 31);
    }

    /** The tolerance: a pass is still accepted for a month after its validity end (31 December → 31 January). */
    public static LocalDate acceptedUntil(LocalDate validUntil) {
        return validUntil.plusMonths(1);
    }
}
