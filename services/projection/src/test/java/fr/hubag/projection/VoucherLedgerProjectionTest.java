package fr.hubag.projection;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.ApplyAgain;
import fr.hubag.projection.support.VoucherOrder;
import fr.hubag.projection.vouchers.projector.VouchersProjector;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The vouchers ledger and the live funder view: given an order's events on {@code vouchers.events} (a quote, its
 * booklets, activation, passes distributed and redeemed in two territories), when the funder reads its order, then
 * every count and amount per territory, by month, actor and commune, and in all — the same after the events are
 * applied again and redelivered.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class VoucherLedgerProjectionTest {

    static final UUID FORT_DE_FRANCE_PLACE = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    static final UUID POINTE_A_PITRE_PLACE = UUID.fromString("00000000-0000-4000-8000-00000000a002");

    @Inject
    Pool pool;
    @Inject
    VouchersProjector projector;
    @Inject
    Generations generations;

    @Test
    void theLedgerCountsEachPassOnceAndAddsUpToTheCent() {
        String funder = "caf-972-" + Api.tag();
        // 3 booklets of 4 passes of 12.34 €: 148.08 € face, 5.92 € fee (5.9232 rounded), 154.00 € in all
        VoucherOrder order = VoucherOrder.activated(funder, List.of(Territory.MQ, Territory.GP), 3, 4, 1234);
        for (int n = 0; n < 4; n++) {
            order.distribute(1, n);
        }
        order.distribute(2, 0);
        order.distribute(3, 0);
        // a booklet is started where its first pass is redeemed: each booklet here in one territory only, since the
        // passes' streams are on different partitions and their order across them is not given
        order.redeem(1, 0, FORT_DE_FRANCE_PLACE, Territory.MQ, "97209", "2026-03-31");
        order.redeem(1, 1, FORT_DE_FRANCE_PLACE, Territory.MQ, "97209", "2026-04-01");
        order.redeem(2, 0, FORT_DE_FRANCE_PLACE, Territory.MQ, "97209", "2026-04-01");
        order.redeem(3, 0, POINTE_A_PITRE_PLACE, Territory.GP, "97120", "2026-04-02");

        String token = TestTokens.forSubject(funder, "partner", "MQ");
        String path = "/territories/MQ/vouchers/orders/" + order.id();
        ValidatableResponse view = await(token, path, r -> r.extract().path("order.totals.passesRedeemed")
                .equals(4)).statusCode(200);
        expectLedger(view);
        String answer = view.extract().asString();
        expectLedger(Api.get(TestTokens.hubAdmin(), "/hub/vouchers/orders/" + order.id()).statusCode(200));

        // by month of the local date (23:30 on 31 March in Fort-de-France is March's, though April in UTC), actor
        // and commune, two rows a page
        String redemptions = path + "/redemptions?size=2";
        ValidatableResponse first = Api.get(token, redemptions).statusCode(200).body("items", hasSize(2))
                .body("items[0].month", equalTo("2026-03")).body("items[0].passes", equalTo(1))
                .body("items[0].cents", equalTo(1234))
                .body("items[1].month", equalTo("2026-04")).body("items[1].actorId", equalTo(
                        FORT_DE_FRANCE_PLACE.toString())).body("items[1].commune", equalTo("97209"))
                .body("items[1].passes", equalTo(2)).body("items[1].cents", equalTo(2468));
        String next = first.extract().path("next");
        assertThat(next).contains("cursor=");
        Api.as(token).get(next).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].actorId", equalTo(POINTE_A_PITRE_PLACE.toString()))
                .body("items[0].territory", equalTo("GP")).body("items[0].commune", equalTo("97120"))
                .body("next", nullValue());
        Api.get(token, path + "/redemptions?month=2026-04").statusCode(200).body("items", hasSize(2));
        String byMonth = Api.get(token, redemptions).extract().asString();

        // the same events again, straight to the tables past the consumer's marks, then redelivered: nothing moves
        ApplyAgain.andRedelivered(pool, projector, generations, order.published(), order::redeliver);
        assertThat(Api.get(token, path).extract().asString()).isEqualTo(answer);
        assertThat(Api.get(token, redemptions).extract().asString()).isEqualTo(byMonth);
    }

    private static void expectLedger(ValidatableResponse view) {
        view.body("order.funderId", equalTo(view.extract().path("order.funderId")))
                .body("order.status", equalTo("activated")).body("order.territory", equalTo("MQ"))
                .body("order.faceTotalCents", equalTo(14808)).body("order.feeCents", equalTo(592))
                .body("order.totalCents", equalTo(15400))
                .body("order.totals.bookletsIssued", equalTo(3)).body("order.totals.passesIssued", equalTo(12))
                .body("order.totals.issuedCents", equalTo(14808))
                .body("order.totals.bookletsDistributed", equalTo(3))
                .body("order.totals.passesDistributed", equalTo(6))
                .body("order.totals.distributedCents", equalTo(7404))
                .body("order.totals.bookletsStarted", equalTo(3)).body("order.totals.passesRedeemed", equalTo(4))
                .body("order.totals.redeemedCents", equalTo(4936))
                .body("order.totals.passesOutstanding", equalTo(8))
                .body("order.totals.outstandingCents", equalTo(9872))
                .body("territories", hasSize(2))
                .body("territories[0].territory", equalTo("GP"))
                .body("territories[0].figures.passesIssued", equalTo(0))
                // a booklet started counts in its order's territory, even when a GP actor redeemed its first pass
                .body("territories[0].figures.bookletsStarted", equalTo(0))
                .body("territories[0].figures.passesRedeemed", equalTo(1))
                .body("territories[0].figures.redeemedCents", equalTo(1234))
                .body("territories[1].territory", equalTo("MQ"))
                .body("territories[1].figures.passesIssued", equalTo(12))
                .body("territories[1].figures.passesDistributed", equalTo(6))
                .body("territories[1].figures.bookletsStarted", equalTo(3))
                .body("territories[1].figures.passesRedeemed", equalTo(3))
                .body("territories[1].figures.redeemedCents", equalTo(3702));
    }

    @Test
    void theConsolidationAddsUpEveryOrder() {
        String funder = "cgss-" + Api.tag();
        VoucherOrder order = VoucherOrder.activated(funder, List.of(Territory.GF), 1, 2, 1000);
        order.distribute(1, 0);
        order.redeem(1, 0, UUID.randomUUID(), Territory.GF, "97302", "2026-05-31");
        String admin = TestTokens.hubAdmin();
        await(admin, "/territories/GF/vouchers/orders/" + order.id(),
                r -> r.extract().path("order.totals.passesRedeemed").equals(1));

        // hub-wide: the same totals as every order's, listed a page at a time
        long redeemed = 0;
        long cents = 0;
        long orders = 0;
        String page = "/api/projection/hub/vouchers/orders?size=3";
        while (page != null) {
            ValidatableResponse answer = Api.as(admin).get(page).then().statusCode(200);
            List<Integer> passes = answer.extract().path("items.totals.passesRedeemed");
            List<Integer> amounts = answer.extract().path("items.totals.redeemedCents");
            redeemed += passes.stream().mapToLong(Integer::longValue).sum();
            cents += amounts.stream().mapToLong(Integer::longValue).sum();
            orders += passes.size();
            page = answer.extract().path("next");
        }
        Api.get(admin, "/hub/vouchers/ledger").statusCode(200).body("scope", equalTo("hub"))
                .body("orders", equalTo((int) orders))
                .body("totals.passesRedeemed", equalTo((int) redeemed))
                .body("totals.redeemedCents", equalTo((int) cents));
        Api.get(TestTokens.of("analyst", "GF"), "/territories/GF/vouchers/ledger").statusCode(200)
                .body("scope", equalTo("GF")).body("byTerritory.territory", org.hamcrest.Matchers.hasItem("GF"))
                .body("redemptionsByMonth.month", org.hamcrest.Matchers.hasItem("2026-05"));
    }
}
