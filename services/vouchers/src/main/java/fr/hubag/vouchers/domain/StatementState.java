package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** A statement as its events make it: not issued, or issued with its lines and total, and paid once. */
public sealed interface StatementState {

    record NoStatement() implements StatementState {}

    /** {@code paymentReference} is null until it is paid. */
    record Issued(UUID statementId, UUID actorId, Territory territory, YearMonth month, List<StatementLine> lines,
                  long totalCents, Instant issuedAt, String paymentReference,
                  Instant paidAt) implements StatementState {

        public boolean paid() {
            return paymentReference != null;
        }
    }
}
