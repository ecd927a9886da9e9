package fr.hubag.projection.vouchers.read;

import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * An order's credit note, as its {@code OrderExpired} gave it: what became of the passes ordered — redeemed (paid to
 * actors) or expired (credited back at face value) — in passes and cents, so that ordered = redeemed + expired and
 * paid = redeemed + credited + fee kept, to the cent.
 */
@Schema(name = "VoucherCreditNote")
public record CreditNote(Instant expiredAt, Tally ordered, Tally distributed, Tally redeemed, Tally expired,
                         Tally expiredUndistributed, long feeCents, long feeCreditedCents, long paidCents,
                         long creditedCents) {

    /** A number of passes and their face value in cents. */
    @Schema(name = "VoucherTally")
    public record Tally(long passes, long cents) {

        static Tally of(JsonObject tally) {
            return new Tally(tally.getLong("passes"), tally.getLong("cents"));
        }
    }

    /** From the reconciliation stored with the order (the event's, as JSON). */
    static CreditNote of(Instant expiredAt, JsonObject r) {
        return new CreditNote(expiredAt, Tally.of(r.getJsonObject("ordered")), Tally.of(r.getJsonObject("distributed")),
                Tally.of(r.getJsonObject("redeemed")), Tally.of(r.getJsonObject("expired")),
                Tally.of(r.getJsonObject("expiredUndistributed")), r.getLong("feeCents"),
                r.getLong("feeCreditedCents"), r.getLong("paidCents"), r.getLong("creditedCents"));
    }
}
