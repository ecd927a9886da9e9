package fr.hubag.domain;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New identifiers for events and aggregates: UUID version 7 (RFC 9562), the creation time in milliseconds first and
 * 74 random bits after it. Ids made one after another sort one after another, so every B-tree keyed by them (the
 * event store's event ids and stream ids, a read model's primary key) grows at its right edge instead of touching a
 * random page of the whole index on each insert: fewer pages read and dirtied, less WAL, as the history grows. The
 * random bits come from {@link SecureRandom}, as {@link UUID#randomUUID()}'s do, so an id is not guessable from
 * another. It tells its creation time, which the events carry anyway; an id that must not (a beneficiary's
 * pseudonym) keeps {@link UUID#randomUUID()}.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new time-ordered id. */
    public static UUID timeOrdered() {
        return timeOrdered(System.currentTimeMillis());
    }

    static UUID timeOrdered(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L
                | (random[0] & 0x0FL) << 8 | (random[1] & 0xFFL);
        long low = 0;
        for (int i = 2; i < 10; i++) {
            low = low << 8 | (random[i] & 0xFFL);
        }
        low = low & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L; // the RFC's variant, 0b10
        return new UUID(high, low);
    }

    /** The creation time of a time-ordered id, in milliseconds since the epoch. */
    public static long epochMillis(UUID timeOrdered) {
        if (timeOrdered.version() != 7) {
            throw new IllegalArgumentException("not a time-ordered (version 7) id: " + timeOrdered);
        }
        return timeOrdered.getMostSignificantBits() >>> 16;
    }
}
