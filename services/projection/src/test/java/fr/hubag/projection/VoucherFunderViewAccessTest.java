package fr.hubag.projection;

import fr.hubag.domain.Territory;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.VoucherOrder;
import fr.hubag.projection.support.VoucherSettlement;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Who reads the vouchers read models, every endpoint by role and territory: a funder its own orders in the
 * territories its token covers, coordinators their territories', hub admins all, analysts the consolidation only,
 * mediators and distributors none; the actors' statements: a mediator its own actor's, coordinators their
 * territories', hub admins all, funders and analysts none; and bad parameters are named.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class VoucherFunderViewAccessTest {

    static final String[] ALL = {"GP", "GF", "MQ", "MF"};

    @Test
    void everyEndpointKeepsToItsRolesAndTerritories() {
        String funder = "france-travail-" + Api.tag();
        VoucherOrder mq = VoucherOrder.activated(funder, List.of(Territory.MQ), 1, 2, 1000);
        VoucherOrder gf = VoucherOrder.activated(funder, List.of(Territory.GF), 1, 2, 1000);
        VoucherOrder other = VoucherOrder.activated("caf-" + Api.tag(), List.of(Territory.MQ), 1, 2, 1000);
        for (VoucherOrder order : List.of(mq, gf, other)) {
            await(TestTokens.hubAdmin(), "/hub/vouchers/orders/" + order.id(), r -> r.extract().statusCode() == 200);
        }
        String ownMq = "/territories/MQ/vouchers/orders/" + mq.id();
        String othersMq = "/territories/MQ/vouchers/orders/" + other.id();
        String funderMq = TestTokens.forSubject(funder, "partner", "MQ");

        // a funder's and a distributor's lists answer 200 with what they may see (their own orders only)
        List<Row> rows = List.of(
                new Row("no token", null, 401, 401, 401, 401, 401, 401, 401),
                new Row("funder MQ", funderMq, 200, 200, 200, 403, 403, 200, 403),
                new Row("funder GP", TestTokens.forSubject(funder, "partner", "GP"), 403, 403, 403, 403, 403, 200,
                        403),
                new Row("distributor MQ", TestTokens.forSubject("ccas-test", "partner", "MQ"), 200, 403, 403, 403,
                        403, 200, 403),
                new Row("coordinator MQ", TestTokens.coordinator("MQ"), 200, 200, 200, 200, 200, 403, 403),
                new Row("coordinator GP", TestTokens.coordinator("GP"), 403, 403, 403, 403, 403, 403, 403),
                new Row("coordinator all", TestTokens.of("coordinator", ALL), 200, 200, 200, 200, 200, 200, 200),
                new Row("hub-admin", TestTokens.hubAdmin(), 200, 200, 200, 200, 200, 200, 200),
                new Row("hub-admin GF", TestTokens.of("hub-admin", "GF"), 403, 403, 403, 403, 403, 403, 403),
                new Row("analyst MQ", TestTokens.of("analyst", "MQ"), 403, 403, 403, 403, 200, 403, 403),
                new Row("analyst all", TestTokens.of("analyst", ALL), 403, 403, 403, 403, 200, 403, 200),
                new Row("mediator MQ", TestTokens.of("mediator", "MQ"), 403, 403, 403, 403, 403, 403, 403));
        List<String> paths = List.of("/territories/MQ/vouchers/orders", ownMq, ownMq + "/redemptions", othersMq,
                "/territories/MQ/vouchers/ledger", "/hub/vouchers/orders", "/hub/vouchers/ledger");
        for (Row row : rows) {
            for (int i = 0; i < paths.size(); i++) {
                assertThat(Api.get(row.token(), paths.get(i)).extract().statusCode())
                        .as("%s GET %s", row.who(), paths.get(i)).isEqualTo(row.statuses()[i]);
            }
        }
        Api.get(TestTokens.forSubject(funder, "partner", "GP"), "/hub/vouchers/orders").statusCode(200)
                .body("items", hasSize(0));

        // a funder's lists hold its own orders, in the territories its token covers
        Api.get(funderMq, "/territories/MQ/vouchers/orders").statusCode(200).body("funderId", equalTo(funder))
                .body("items", hasSize(1)).body("items[0].orderId", equalTo(mq.id().toString()));
        Api.get(TestTokens.forSubject(funder, "partner", "MQ", "GF"), "/hub/vouchers/orders").statusCode(200)
                .body("items", hasSize(2)).body("items.funderId", everyItem(equalTo(funder)));
        Api.get(TestTokens.forSubject(funder, "partner", "GF"), "/territories/GF/vouchers/orders/" + gf.id())
                .statusCode(200).body("order.orderId", equalTo(gf.id().toString()));
        Api.get(funderMq, "/territories/MQ/vouchers/orders?funderId=someone-else").statusCode(403);
        // staff may keep to one funder
        Api.get(TestTokens.hubAdmin(), "/hub/vouchers/orders?funderId=" + funder).statusCode(200)
                .body("items", hasSize(2));
        // an order led by another territory is not in this one's read model
        Api.get(TestTokens.hubAdmin(), "/territories/GP/vouchers/orders/" + mq.id()).statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void statementsKeepToTheirActorsAndTerritories() {
        UUID actor = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        VoucherSettlement settlement = new VoucherSettlement();
        settlement.statement(actor, Territory.MQ, YearMonth.of(2026, 3), 2, 1000);
        settlement.statement(other, Territory.MQ, YearMonth.of(2026, 3), 1, 1000);
        await(TestTokens.hubAdmin(), "/territories/MQ/vouchers/statements?actorId=" + other,
                r -> r.extract().<List<?>>path("items").size() == 1);
        String mediator = TestTokens.mediatorAt("MQ", actor.toString());
        List<String> paths = List.of("/territories/MQ/vouchers/statements",
                "/territories/MQ/vouchers/statements?actorId=" + actor,
                "/territories/MQ/vouchers/statements?actorId=" + other, "/hub/vouchers/statements");
        List<Row> rows = List.of(
                new Row("no token", null, 401, 401, 401, 401),
                new Row("mediator MQ of the actor", mediator, 200, 200, 403, 403),
                new Row("mediator GP of the actor", TestTokens.mediatorAt("GP", actor.toString()), 403, 403, 403,
                        403),
                new Row("funder MQ", TestTokens.forSubject("caf-" + Api.tag(), "partner", "MQ"), 403, 403, 403,
                        403),
                new Row("coordinator MQ", TestTokens.coordinator("MQ"), 200, 200, 200, 403),
                new Row("coordinator GP", TestTokens.coordinator("GP"), 403, 403, 403, 403),
                new Row("coordinator all", TestTokens.of("coordinator", ALL), 200, 200, 200, 200),
                new Row("hub-admin", TestTokens.hubAdmin(), 200, 200, 200, 200),
                new Row("hub-admin GF", TestTokens.of("hub-admin", "GF"), 403, 403, 403, 403),
                new Row("analyst all", TestTokens.of("analyst", ALL), 403, 403, 403, 403),
                new Row("distributor MQ", TestTokens.forSubject("ccas-test", "partner", "MQ"), 403, 403, 403, 403));
        for (Row row : rows) {
            for (int i = 0; i < paths.size(); i++) {
                assertThat(Api.get(row.token(), paths.get(i)).extract().statusCode())
                        .as("%s GET %s", row.who(), paths.get(i)).isEqualTo(row.statuses()[i]);
            }
        }
        // a mediator's list holds its own actor's statements only
        Api.get(mediator, "/territories/MQ/vouchers/statements").statusCode(200).body("items", hasSize(1))
                .body("items.actorId", everyItem(equalTo(actor.toString())));
        // the order view and the ledger carry the refusals and credit notes under the same rules (rows above)
        Api.get(TestTokens.hubAdmin(), "/hub/vouchers/statements?actorId=nope&month=2026-13&cursor=nope")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("actorId", "month", "cursor"));
    }

    /** A caller and what it gets on each path, in order. */
    record Row(String who, String token, int... statuses) {}

    @Test
    void badParametersAreNamed() {
        String admin = TestTokens.hubAdmin();
        Api.get(admin, "/hub/vouchers/orders/not-a-uuid").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("orderId"));
        Api.get(admin, "/hub/vouchers/orders/" + UUID.randomUUID()).statusCode(404)
                .contentType("application/problem+json");
        Api.get(admin, "/hub/vouchers/orders/" + UUID.randomUUID() + "/redemptions?month=2026-13").statusCode(400)
                .body("errors[0].field", equalTo("month"));
        Api.get(admin, "/hub/vouchers/orders?size=0&cursor=nope").statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("size", "cursor"));
        Api.get(admin, "/territories/XX/vouchers/ledger").statusCode(400);
        Api.get(admin, "/hub/vouchers/orders?funderId=" + "x".repeat(129)).statusCode(400)
                .body("errors[0].field", equalTo("funderId"));
        Api.get(admin, "/hub/vouchers/orders?funderId=a%00b").statusCode(400);
    }
}
