package fr.hubag.projection.vouchers.projector;

import fr.hubag.contracts.vouchers.VoucherEvent.RedemptionRefused;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementIssued;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementPaid;
import fr.hubag.projection.shared.batch.Statement;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * What the actors' statements and the refused redemptions change in a schema: a row each, keyed by its stream's id,
 * written once ({@code ON CONFLICT DO NOTHING}) — so an event applied twice, or replayed by a rebuild, leaves the
 * figures as they were — and counted when read. A statement is paid once ({@code WHERE paid_at IS NULL}): a
 * statement's events are one stream, so its payment is never applied before its issue.
 */
@ApplicationScoped
public class SettlementView {

    /** The month's statement of the actor: the passes redeemed there and the amount owed, in cents. */
    Statement issued(String schema, StatementIssued s) {
        return new Statement("INSERT INTO " + schema + ".voucher_statements (statement_id, actor_id, territory, "
                + "month, passes, amount_cents, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                + "ON CONFLICT (statement_id) DO NOTHING", Tuple.wrap(Arrays.asList(s.statementId(), s.actorId(),
                s.territory().name(), s.month().atDay(1), s.passCount(), s.totalCents(), utc(s.occurredAt()))));
    }

    Statement paid(String schema, StatementPaid p) {
        return new Statement("UPDATE " + schema + ".voucher_statements SET paid_at = $2, paid_reference = $3 "
                + "WHERE statement_id = $1 AND paid_at IS NULL",
                Tuple.of(p.statementId(), utc(p.occurredAt()), p.paymentReference()));
    }

    /**
     * A refused redemption, counted in the actor's territory (the order's when the census did not know the actor);
     * without an order when the code led to none.
     */
    Statement refused(String schema, RedemptionRefused r) {
        String territory = (r.territory() != null ? r.territory() : r.orderTerritory()).name();
        return new Statement("INSERT INTO " + schema + ".voucher_refusals (refusal_id, order_id, territory, reason, "
                + "refused_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (refusal_id) DO NOTHING",
                Tuple.wrap(Arrays.asList(r.refusalId(), r.orderId(), territory, r.reason(), utc(r.occurredAt()))));
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
