package fr.hubag.vouchers.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static fr.hubag.vouchers.infra.VoucherEventRecordsTest.refused;

/**
 * The expiry's schemas refuse what a consumer must never see: amounts in euros or negative, a reconciliation with a
 * figure missing, a code in clear, a territory outside the hub.
 */
class ExpiryEventSchemasTest {

    @Test
    void theCreditNoteCarriesEveryFigureInWholeCents() throws IOException {
        refused("OrderExpired", p -> p.withObject("reconciliation").withObject("expired").put("cents", 380.5),
                "cents");
        refused("OrderExpired", p -> p.withObject("reconciliation").put("creditedCents", -1), "creditedCents");
        refused("OrderExpired", p -> p.withObject("reconciliation").remove("feeCreditedCents"), "feeCreditedCents");
        refused("OrderExpired", p -> p.withObject("reconciliation").withObject("redeemed").remove("passes"),
                "passes");
        refused("OrderExpired", p -> p.put("territory", "FR"), "territory");
    }

    @Test
    void anExpiredPassCarriesNoCode() throws IOException {
        refused("PassExpired", p -> p.put("code", "ABCD-EFGH-JKMN-PQR"), "code");
        refused("PassExpired", p -> p.put("faceValueCents", 10.5), "faceValueCents");
        refused("PassExpired", p -> p.remove("distributed"), "distributed");
    }
}
