package fr.hubag.projection;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.VoucherOrder;
import fr.hubag.projection.vouchers.projector.VouchersProjector;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static fr.hubag.projection.support.Api.as;
import static fr.hubag.projection.support.Api.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The vouchers read models rebuild like the others (they are a ReadModel): from the start of vouchers.events into a
 * new generation, then the queries switch to it and answer the same, to the cent.
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
        order.distribute(1, 0);
        order.distribute(1, 1);
        order.redeem(1, 0, UUID.randomUUID(), Territory.MF, "97801", "2026-06-30");
        String token = TestTokens.hubAdmin();
        String view = "/territories/MF/vouchers/orders/" + order.id();
        String before = await(token, view, r -> r.extract().path("order.totals.passesRedeemed").equals(1))
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
        assertThat(Api.get(token, "/hub/vouchers/ledger").statusCode(200).extract().asString())
                .isEqualTo(ledgerBefore);
    }
}
