package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What can be asked of an actor's monthly statement. The lines of an issue are read by the settlement job from the
 * passes' own {@code PassRedeemed} events, so the decider stays a pure function of the command and the statement's
 * events; {@code at} is its only clock.
 */
public sealed interface StatementCommand {

    UUID statementId();

    Instant at();

    /** Issue the statement of {@code actorId} for {@code month} with the passes redeemed there that month. */
    record Issue(UUID statementId, UUID actorId, Territory territory, YearMonth month, List<StatementLine> lines,
                 Instant at) implements StatementCommand {

        public Issue {
            lines = List.copyOf(lines);
        }
    }

    /** Record the payment of the statement, with the payment's reference. */
    record MarkPaid(UUID statementId, String paymentReference, String paidBy, Instant at)
            implements StatementCommand {}
}
