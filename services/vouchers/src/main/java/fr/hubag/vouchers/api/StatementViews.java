package fr.hubag.vouchers.api;

import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.vouchers.domain.StatementState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the statements API reads and answers: a statement with its lines, amounts in cents. */
public final class StatementViews {

    private StatementViews() {}

    /** An actor's monthly statement; {@code status} is {@code issued} or {@code paid}. */
    public record StatementView(UUID id, UUID actorId, String territory, String month, List<StatementLine> lines,
                                int passCount, long totalCents, Instant issuedAt, String status,
                                String paymentReference, Instant paidAt, long version) {

        static StatementView of(StatementState.Issued s, long version) {
            return new StatementView(s.statementId(), s.actorId(), s.territory().name(), s.month().toString(),
                    s.lines(), s.lines().size(), s.totalCents(), s.issuedAt(), s.paid() ? "paid" : "issued",
                    s.paymentReference(), s.paidAt(), version);
        }
    }

    public record PaymentBody(
            @Schema(required = true, maxLength = 120, description = "the payment's reference (a transfer's)")
            String paymentReference) {}
}
