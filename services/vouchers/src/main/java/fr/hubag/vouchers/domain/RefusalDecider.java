package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.VoucherEvent.RedemptionRefused;
import fr.hubag.contracts.vouchers.VoucherEvent.RefusalEvent;
import fr.hubag.domain.Decider;
import fr.hubag.domain.Territory;

import java.util.List;

/**
 * A refused redemption as a stream of its own: recorded once (a command run again on its stream records nothing).
 * Nothing is decided here — the pass's decider refused — but a stream per refusal is what lets the losers of a race
 * on one pass publish their refusals beside the winner instead of queueing behind its stream.
 */
public final class RefusalDecider implements Decider<RefusalDecider.Refuse, RefusalEvent, RefusalDecider.Refusal> {

    /** Record this refusal. */
    public record Refuse(RedemptionRefused refusal) {}

    /** Whether the refusal is recorded, and the stream's territory: its order's, else its actor's. */
    public record Refusal(boolean recorded, Territory territory) {}

    @Override
    public Refusal initialState() {
        return new Refusal(false, null);
    }

    @Override
    public List<RefusalEvent> decide(Refuse command, Refusal state) {
        return state.recorded() ? List.of() : List.of(command.refusal());
    }

    @Override
    public Refusal evolve(Refusal state, RefusalEvent event) {
        return switch (event) {
            case RedemptionRefused r -> new Refusal(true, r.orderTerritory() != null ? r.orderTerritory()
                    : r.territory());
        };
    }
}
