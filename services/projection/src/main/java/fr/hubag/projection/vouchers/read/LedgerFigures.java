package fr.hubag.projection.vouchers.read;

import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The ledger's counts and amounts (integer cents) for an order in a territory, an order, or many orders added up.
 * Booklets are distributed and started with their first pass distributed or redeemed; outstanding passes are those
 * issued and neither redeemed nor expired (what a credit note would refund at face value today).
 */
@Schema(name = "VoucherLedgerFigures")
public record LedgerFigures(long bookletsIssued, long passesIssued, long issuedCents,
                            long bookletsDistributed, long passesDistributed, long distributedCents,
                            long bookletsStarted, long passesRedeemed, long redeemedCents,
                            long passesExpired, long expiredCents, long creditedCents,
                            long passesOutstanding, long outstandingCents) {

    public static final LedgerFigures NONE = new LedgerFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The SQL that sums a ledger {@code l} joined to its orders {@code o} into the columns {@link #of} reads:
     * amounts distributed and outstanding at each order's face value.
     */
    static final String SUMS = "coalesce(sum(l.booklets_issued), 0) AS booklets_issued, "
            + "coalesce(sum(l.passes_issued), 0) AS passes_issued, coalesce(sum(l.issued_cents), 0) AS issued_cents, "
            + "coalesce(sum(l.booklets_distributed), 0) AS booklets_distributed, "
            + "coalesce(sum(l.passes_distributed), 0) AS passes_distributed, "
            + "coalesce(sum(l.passes_distributed * o.face_value_cents), 0) AS distributed_cents, "
            + "coalesce(sum(l.booklets_started), 0) AS booklets_started, "
            + "coalesce(sum(l.passes_redeemed), 0) AS passes_redeemed, "
            + "coalesce(sum(l.redeemed_cents), 0) AS redeemed_cents, "
            + "coalesce(sum(l.passes_expired), 0) AS passes_expired, "
            + "coalesce(sum(l.expired_cents), 0) AS expired_cents, "
            + "coalesce(sum(l.credited_cents), 0) AS credited_cents, "
            + "coalesce(sum(l.passes_issued - l.passes_redeemed - l.passes_expired), 0) AS passes_outstanding, "
            + "coalesce(sum(l.issued_cents - l.redeemed_cents - l.expired_cents), 0) AS outstanding_cents";

    static LedgerFigures of(Row row) {
        return new LedgerFigures(row.getLong("booklets_issued"), row.getLong("passes_issued"),
                row.getLong("issued_cents"), row.getLong("booklets_distributed"), row.getLong("passes_distributed"),
                row.getLong("distributed_cents"), row.getLong("booklets_started"), row.getLong("passes_redeemed"),
                row.getLong("redeemed_cents"), row.getLong("passes_expired"), row.getLong("expired_cents"),
                row.getLong("credited_cents"), row.getLong("passes_outstanding"), row.getLong("outstanding_cents"));
    }
}
