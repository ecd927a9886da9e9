package fr.hubag.projection;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.ApplyAgain;
import fr.hubag.projection.support.VoucherOrder;
import fr.hubag.projection.support.VoucherSettlement;
import fr.hubag.projection.support.VoucherStream;
import fr.hubag.projection.vouchers.projector.VouchersProjector;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static fr.hubag.projection.support.Api.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The end of an order and the actors' side, read from {@code vouchers.events}: passes expired and the credit note in
 * the funder view (ordered = redeemed + expired, to the cent), refusals by reason per order and per territory (those
 * of codes that led to no order in the territory's figures only), the actors' monthly statements issued and paid —
 * each the same after the events are applied again and redelivered.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class VoucherSettlementProjectionTest {

    static final UUID LAMENTIN_PLACE = UUID.fromString("00000000-0000-4000-8000-00000000b001");
    static final UUID BASSE_TERRE_PLACE = UUID.fromString("00000000-0000-4000-8000-00000000b002");

    @Inject
    Pool pool;
    @Inject
    VouchersProjector projector;
    @Inject
    Generations generations;

    @Test
    void expiredPassesTheCreditNoteAndRefusalsAddUpToTheCent() {
        String admin = TestTokens.hubAdmin();
        JsonPath mqBefore = Api.get(admin, "/territories/MQ/vouchers/ledger").statusCode(200).extract().jsonPath();
        JsonPath gfBefore = Api.get(admin, "/territories/GF/vouchers/ledger").statusCode(200).extract().jsonPath();
        JsonPath hubBefore = Api.get(admin, "/hub/vouchers/ledger").statusCode(200).extract().jsonPath();

        String funder = "commune-lamentin-" + Api.tag();
        // 2 booklets of 3 passes of 7.50 €: 45.00 € face, 1.80 € fee
        VoucherOrder order = VoucherOrder.activated(funder, List.of(Territory.MQ, Territory.GP), 2, 3, 750);
        for (int n = 0; n < 3; n++) {
            order.distribute(1, n);
        }
        order.distribute(2, 0);
        order.redeem(1, 0, LAMENTIN_PLACE, Territory.MQ, "97213", "2026-11-30");
        order.redeem(1, 1, BASSE_TERRE_PLACE, Territory.GP, "97105", "2026-12-01");
        // refused: the same pass twice more, a pass at an unlabelled place
        order.refuse(1, 0, LAMENTIN_PLACE, Territory.MQ, "pass-already-redeemed");
        order.refuse(1, 0, BASSE_TERRE_PLACE, Territory.GP, "pass-already-redeemed");
        order.refuse(1, 2, UUID.randomUUID(), Territory.MQ, "actor-not-labelled");
        // codes that led to no order: in the actors' territories' figures only
        VoucherSettlement elsewhere = new VoucherSettlement();
        elsewhere.refusedWithoutOrder(LAMENTIN_PLACE, Territory.MQ, "code-mistyped");
        elsewhere.refusedWithoutOrder(UUID.randomUUID(), Territory.GF, "code-unknown");
        // the rest expire: two handed out, two never; then the credit note
        order.expire(1, 2, true);
        order.expire(2, 0, true);
        order.expire(2, 1, false);
        order.expire(2, 2, false);
        order.expireOrder(4, 2, 2);

        String token = TestTokens.forSubject(funder, "partner", "MQ");
        String path = "/territories/MQ/vouchers/orders/" + order.id();
        ValidatableResponse view = await(token, path, r -> "expired".equals(r.extract().path("order.status"))
                && r.extract().path("order.totals.passesExpired").equals(4)
                && r.extract().path("refusals.refusals").equals(3)).statusCode(200);
        expectCreditNote(view);
        String answer = view.extract().asString();
        expectCreditNote(Api.get(admin, "/hub/vouchers/orders/" + order.id()).statusCode(200));
        Api.get(token, "/territories/MQ/vouchers/orders").statusCode(200)
                .body("items[0].orderId", equalTo(order.id().toString()))
                .body("items[0].status", equalTo("expired"))
                .body("items[0].creditNote.creditedCents", equalTo(3000));

        // staff's figures: the order's in MQ's (its territory), refusals where the refused actors are
        await(admin, "/territories/GF/vouchers/ledger", r -> reason(r.extract().jsonPath(), "GF", "code-unknown")
                > reason(gfBefore, "GF", "code-unknown"));
        await(admin, "/territories/MQ/vouchers/ledger", r -> reason(r.extract().jsonPath(), "MQ", "code-mistyped")
                > reason(mqBefore, "MQ", "code-mistyped"));
        JsonPath mq = Api.get(admin, "/territories/MQ/vouchers/ledger").statusCode(200).extract().jsonPath();
        assertThat(mq.getLong("expiredOrders") - mqBefore.getLong("expiredOrders")).isEqualTo(1);
        assertThat(mq.getLong("totals.passesExpired") - mqBefore.getLong("totals.passesExpired")).isEqualTo(4);
        assertThat(mq.getLong("totals.expiredCents") - mqBefore.getLong("totals.expiredCents")).isEqualTo(3000);
        assertThat(mq.getLong("totals.creditedCents") - mqBefore.getLong("totals.creditedCents")).isEqualTo(3000);
        assertThat(reason(mq, "MQ", "pass-already-redeemed") - reason(mqBefore, "MQ", "pass-already-redeemed"))
                .isEqualTo(1);
        assertThat(reason(mq, "GP", "pass-already-redeemed") - reason(mqBefore, "GP", "pass-already-redeemed"))
                .isEqualTo(1);
        assertThat(reason(mq, "MQ", "code-mistyped") - reason(mqBefore, "MQ", "code-mistyped")).isEqualTo(1);
        assertThat(mq.getLong("refusals.refusals") - mqBefore.getLong("refusals.refusals")).isEqualTo(4);
        JsonPath hub = Api.get(admin, "/hub/vouchers/ledger").statusCode(200).extract().jsonPath();
        assertThat(hub.getLong("refusals.refusals") - hubBefore.getLong("refusals.refusals")).isEqualTo(5);
        assertThat(hub.getLong("totals.creditedCents") - hubBefore.getLong("totals.creditedCents"))
                .isEqualTo(3000);
        String ledgers = Api.get(admin, "/hub/vouchers/ledger").extract().asString();

        // the same events again, straight to the tables past the consumer's marks, then redelivered: nothing moves
        ApplyAgain.andRedelivered(pool, projector, generations, order.published(), order::redeliver);
        ApplyAgain.andRedelivered(pool, projector, generations, elsewhere.published(), elsewhere::redeliver);
        assertThat(Api.get(token, path).extract().asString()).isEqualTo(answer);
        assertThat(Api.get(admin, "/hub/vouchers/ledger").extract().asString()).isEqualTo(ledgers);
    }

    private static void expectCreditNote(ValidatableResponse view) {
        view.body("order.status", equalTo("expired")).body("order.expiredAt", equalTo("2027-02-01T04:00:00Z"))
                .body("order.totals.passesIssued", equalTo(6)).body("order.totals.issuedCents", equalTo(4500))
                .body("order.totals.passesDistributed", equalTo(4))
                .body("order.totals.passesRedeemed", equalTo(2)).body("order.totals.redeemedCents", equalTo(1500))
                .body("order.totals.passesExpired", equalTo(4)).body("order.totals.expiredCents", equalTo(3000))
                .body("order.totals.creditedCents", equalTo(3000))
                .body("order.totals.passesOutstanding", equalTo(0))
                .body("order.totals.outstandingCents", equalTo(0))
                // the credit note as the vouchers service reconciled it, agreeing with the ledger to the cent
                .body("order.creditNote.ordered.passes", equalTo(6)).body("order.creditNote.ordered.cents",
                        equalTo(4500))
                .body("order.creditNote.distributed.passes", equalTo(4))
                .body("order.creditNote.redeemed.cents", equalTo(1500))
                .body("order.creditNote.expired.passes", equalTo(4)).body("order.creditNote.expired.cents",
                        equalTo(3000))
                .body("order.creditNote.expiredUndistributed.passes", equalTo(2))
                .body("order.creditNote.feeCents", equalTo(180)).body("order.creditNote.feeCreditedCents", equalTo(0))
                .body("order.creditNote.paidCents", equalTo(4680))
                .body("order.creditNote.creditedCents", equalTo(3000))
                // expired in the order's territory; the GP redemption in GP's row
                .body("territories", hasSize(2))
                .body("territories[0].territory", equalTo("GP"))
                .body("territories[0].figures.passesRedeemed", equalTo(1))
                .body("territories[0].figures.passesExpired", equalTo(0))
                .body("territories[1].territory", equalTo("MQ"))
                .body("territories[1].figures.passesExpired", equalTo(4))
                .body("territories[1].figures.creditedCents", equalTo(3000))
                // refusals of this order by reason, most frequent first; none of the codes that led nowhere
                .body("refusals.refusals", equalTo(3))
                .body("refusals.byReason", hasSize(2))
                .body("refusals.byReason[0].reason", equalTo("pass-already-redeemed"))
                .body("refusals.byReason[0].refusals", equalTo(2))
                .body("refusals.byReason[1].reason", equalTo("actor-not-labelled"))
                .body("refusals.byReason[1].refusals", equalTo(1));
    }

    /** The refusals of a reason in a territory of a consolidation (0 if none). */
    @SuppressWarnings("unchecked")
    static long reason(JsonPath ledger, String territory, String reason) {
        long count = 0;
        for (Map<String, Object> t : ledger.<Map<String, Object>>getList("refusalsByTerritory")) {
            if (!territory.equals(t.get("territory"))) {
                continue;
            }
            for (Map<String, Object> r : (List<Map<String, Object>>) ((Map<String, Object>) t.get("figures"))
                    .get("byReason")) {
                count += reason.equals(r.get("reason")) ? ((Number) r.get("refusals")).longValue() : 0;
            }
        }
        return count;
    }

    @Test
    void statementsAreListedPerActorIssuedThenPaid() {
        // a month of its own, so that the consolidation's row is this test's
        YearMonth month = YearMonth.of(2100 + ThreadLocalRandom.current().nextInt(800), 5);
        UUID actor = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        VoucherSettlement settlement = new VoucherSettlement();
        VoucherStream may = settlement.statement(actor, Territory.GF, month, 3, 1000);
        settlement.statement(actor, Territory.GF, month.minusMonths(1), 1, 1000);
        settlement.statement(other, Territory.GF, month, 2, 1500);
        settlement.paid(may, actor, Territory.GF, month, "VIR-2026-0042");

        String mediator = TestTokens.mediatorAt("GF", actor.toString());
        String path = "/territories/GF/vouchers/statements?actorId=" + actor;
        ValidatableResponse page = await(mediator, path, r -> r.extract().statusCode() == 200
                && r.extract().<List<?>>path("items").size() == 2 && "paid".equals(r.extract().path("items[0].status")))
                .body("scope", equalTo("GF")).body("actorId", equalTo(actor.toString()))
                .body("items[0].month", equalTo(month.toString())).body("items[0].passes", equalTo(3))
                .body("items[0].amountCents", equalTo(3000)).body("items[0].territory", equalTo("GF"))
                .body("items[0].paymentReference", equalTo("VIR-2026-0042"))
                .body("items[0].statementId", equalTo(may.id().toString()))
                .body("items[1].month", equalTo(month.minusMonths(1).toString()))
                .body("items[1].status", equalTo("issued")).body("items[1].paidAt", nullValue())
                .body("next", nullValue());
        String answer = page.extract().asString();
        // a mediator's list holds its own actor's only; staff page through every actor's
        Api.get(mediator, "/territories/GF/vouchers/statements?month=" + month).statusCode(200)
                .body("items", hasSize(1)).body("items[0].actorId", equalTo(actor.toString()));
        String coordinator = TestTokens.coordinator("GF");
        ValidatableResponse first = Api.get(coordinator, "/territories/GF/vouchers/statements?size=1&month=" + month)
                .statusCode(200).body("items", hasSize(1));
        String next = first.extract().path("next");
        assertThat(next).contains("cursor=");
        Api.as(coordinator).get(next).then().statusCode(200).body("items", hasSize(1)).body("next", nullValue());
        await(TestTokens.hubAdmin(), "/hub/vouchers/statements?month=" + month, r -> r.extract()
                .<List<?>>path("items").size() == 2);
        // the consolidation adds them up per month, owed and paid
        JsonPath ledger = Api.get(TestTokens.of("analyst", "GF"), "/territories/GF/vouchers/ledger").statusCode(200)
                .extract().jsonPath();
        String row = "statementsByMonth.find { it.month == '" + month + "' }";
        assertThat(ledger.getInt(row + ".statements")).isEqualTo(2);
        assertThat(ledger.getInt(row + ".passes")).isEqualTo(5);
        assertThat(ledger.getInt(row + ".amountCents")).isEqualTo(6000);
        assertThat(ledger.getInt(row + ".paidStatements")).isEqualTo(1);
        assertThat(ledger.getInt(row + ".paidCents")).isEqualTo(3000);

        ApplyAgain.andRedelivered(pool, projector, generations, settlement.published(), settlement::redeliver);
        assertThat(Api.get(mediator, path).extract().asString()).isEqualTo(answer);
    }
}
