package fr.hubag.vouchers.domain;

import fr.hubag.domain.Territory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the vouchers service knows of a census actor from {@code actors.events}: its territory and commune (null
 * while the census has not told it), the periods it held the APTIC label, bounds inclusive, as grants, revocations
 * and merges left them, and the day it closed (null while open).
 */
public record ActorFacts(UUID actorId, Territory territory, String communeInseeCode, List<LabelPeriod> aptic,
                         LocalDate closedOn) {

    public ActorFacts {
        aptic = List.copyOf(aptic);
    }

    /** A period the label was held: from {@code validFrom} to {@code validUntil} (null: open-ended), inclusive. */
    public record LabelPeriod(LocalDate validFrom, LocalDate validUntil) {
        boolean covers(LocalDate day) {
            return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
        }
    }

    public static ActorFacts unknown(UUID actorId) {
        return new ActorFacts(actorId, null, null, List.of(), null);
    }

    /** Closed on {@code day}: from its closing day on, until the census reopens it. */
    public boolean isClosedOn(LocalDate day) {
        return closedOn != null && !day.isBefore(closedOn);
    }

    public boolean known() { return territory != null; }

    public boolean heldApticOn(LocalDate day) {
        return aptic.stream().anyMatch(period -> period.covers(day));
    }
}
