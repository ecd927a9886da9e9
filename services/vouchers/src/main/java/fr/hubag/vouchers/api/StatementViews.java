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

    /** A statement in an actor's list: its totals and status, without its lines. */
    public record StatementSummary(UUID id, String territory, String month, int passCount, long totalCents,
                                   Instant issuedAt, String status, String paymentReference, Instant paidAt,
                                   long version) {

        static StatementSummary of(StatementState.Issued s, long version) {
            return new StatementSummary(s.statementId(), s.territory().name(), s.month().toString(),
                    s.lines().size(), s.totalCents(), s.issuedAt(), s.paid() ? "paid" : "issued",
                    s.paymentReference(), s.paidAt(), version);
        }
    }

    /** An actor's statements, newest month first. */
    public record StatementList(UUID actorId, List<StatementSummary> statements) {}

    public record PaymentBody(
            @Schema(required = true, maxLength = 120, description = "the payment's reference (a transfer's)")
            String paymentReference) {}
}
