package fr.hubag.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void anIdIsAVersion7UuidOfTheRfcVariantThatTellsWhenItWasMade() {
        UUID id = Ids.timeOrdered(1_795_795_200_123L);

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(1_795_795_200_123L, Ids.epochMillis(id));
        assertEquals(id, UUID.fromString(id.toString()));
        assertTrue(id.toString().startsWith("01a2"), id.toString()); // 2026-11-27: the hex of the time comes first
    }

    @Test
    void idsMadeLaterSortAfterAsTextAndAsPostgresqlComparesThem() {
        UUID earlier = Ids.timeOrdered(1_795_795_200_123L);
        UUID later = Ids.timeOrdered(1_795_795_200_124L);

        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
        assertTrue(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()) < 0);
    }

    @Test
    void idsOfTheSameMillisecondDifferByTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Ids.timeOrdered(1_795_795_200_123L));
        }
        assertEquals(100_000, ids.size());
    }

    @Test
    void aRandomUuidHasNoTimeToTell() {
        assertThrows(IllegalArgumentException.class, () -> Ids.epochMillis(UUID.randomUUID()));
    }
}
