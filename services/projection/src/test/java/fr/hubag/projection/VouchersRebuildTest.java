package fr.hubag.projection;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.VoucherOrder;
import fr.hubag.projection.support.VoucherSettlement;
import fr.hubag.projection.vouchers.projector.VouchersProjector;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static fr.hubag.projection.support.Api.as;
import static fr.hubag.projection.support.Api.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The vouchers read models rebuild like the others (they are a ReadModel): from the start of vouchers.events into a
 * new generation, then the queries switch to it and answer the same, to the cent — an order redeemed, refused,
 * expired and credited, and an actor's statement paid, included.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class VouchersRebuildTest {

    @Inject
    VouchersProjector projector;
    @Inject
    Generations generations;

    @Test
    void aRebuildOfTheVouchersReadModelsGivesTheSameAnswers() {
        VoucherOrder order = VoucherOrder.activated("commune-" + Api.tag(), List.of(Territory.MF), 2, 3, 1500);
        // a rebuild reads each poll's passes together: booklet 1's three distributions, then its two redemptions
        // (same actor and month), raise its counters and the ledger's once each, by their number
        for (int n = 0; n < 3; n++) {
            order.distribute(1, n);
        }
        UUID actor = UUID.randomUUID();
        order.redeem(1, 0, actor, Territory.MF, "97801", "2026-06-30");
        order.redeem(1, 2, actor, Territory.MF, "97801", "2026-06-12");
        order.refuse(1, 0, UUID.randomUUID(), Territory.MF, "pass-already-redeemed");
        order.expire(1, 1, true);
        for (int n = 0; n < 3; n++) {
            order.expire(2, n, false);
        }
        order.expireOrder(3, 2, 3);
        VoucherSettlement settlement = new VoucherSettlement();
        settlement.paid(settlement.statement(actor, Territory.MF, YearMonth.of(2026, 6), 2, 3000), actor,
                Territory.MF, YearMonth.of(2026, 6), "VIR-MF-1");
        String token = TestTokens.hubAdmin();
        String view = "/territories/MF/vouchers/orders/" + order.id();
        String before = await(token, view, r -> "expired".equals(r.extract().path("order.status"))
                && r.extract().path("order.totals.passesExpired").equals(4)
                && r.extract().path("refusals.refusals").equals(1)).extract().asString();
        Api.get(token, view).statusCode(200).body("order.totals.bookletsDistributed", equalTo(1))
                .body("order.totals.passesDistributed", equalTo(3)).body("order.totals.bookletsStarted", equalTo(1))
                .body("order.totals.passesRedeemed", equalTo(2)).body("order.totals.redeemedCents", equalTo(3000));
        String statements = "/territories/MF/vouchers/statements?actorId=" + actor;
        String statementsBefore = await(token, statements, r -> "paid".equals(r.extract().path("items[0].status")))
                .extract().asString();
        String ledgerBefore = Api.get(token, "/hub/vouchers/ledger").statusCode(200).extract().asString();
        int servingBefore = generations.serving(projector).number();

        long id = as(token).contentType("application/json").body("{\"readModel\":\"vouchers\"}")
                .post(Api.BASE + "/admin/rebuilds").then().statusCode(202).body("readModel", equalTo("vouchers"))
                .extract().<Number>path("id").longValue();
        await(token, "/admin/rebuilds/" + id, r -> !List.of("CATCHING_UP", "DUAL")
                .contains(r.extract().<String>path("state"))).body("state", equalTo("SWITCHED"));

        assertThat(generations.serving(projector).number()).isGreaterThan(servingBefore);
        assertThat(Api.get(token, view).statusCode(200).extract().asString()).isEqualTo(before);
        assertThat(Api.get(token, statements).statusCode(200).extract().asString()).isEqualTo(statementsBefore);
        assertThat(Api.get(token, "/hub/vouchers/ledger").statusCode(200).extract().asString())
                .isEqualTo(ledgerBefore);
    }
}
