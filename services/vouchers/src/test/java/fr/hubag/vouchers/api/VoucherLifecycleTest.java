package fr.hubag.vouchers.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.vouchers.infra.Census;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.booklet;
import static fr.hubag.vouchers.api.VouchersTestSupport.codes;
import static fr.hubag.vouchers.api.VouchersTestSupport.handOut;
import static fr.hubag.vouchers.api.VouchersTestSupport.order;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.redemption;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * A funder's order from quote to redemptions, over HTTP with the census fed through actors.events: amounts in cents,
 * passes unusable until activation, a booklet handed out, a redemption at a labelled actor, and every kind of refusal
 * — a pass already redeemed, an unlabelled actor, a label revoked yesterday, a typo, an unknown code, another
 * funder's code, an actor outside the perimeter — recorded for hub staff; a label's last day in Cayenne time counts.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class VoucherLifecycleTest {

    static final ZoneId MARTINIQUE = ZoneId.of("America/Martinique");
    static final ZoneId CAYENNE = ZoneId.of("America/Cayenne");

    @Inject
    Census census;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void anOrderIsQuotedActivatedHandedOutAndRedeemedOnceAtALabelledActor() {
        String caf = unique("caf-972");
        String ccas = unique("ccas-fort-de-france");
        String funder = partner(caf, "MQ");
        String distributor = partner(ccas, "MQ");
        LocalDate today = LocalDate.now(MARTINIQUE);

        Response quoted = as(funder).body(order("\"MQ\"", 2, 3, ccas)).post("/api/vouchers/orders");
        quoted.then().statusCode(201).body("funderId", equalTo(caf)).body("status", equalTo("quoted"))
                .body("faceValueCents", equalTo(1000)).body("faceTotalCents", equalTo(6000))
                .body("feeCents", equalTo(240)).body("totalCents", equalTo(6240))
                .body("validUntil", equalTo(today.getYear() + "-12-31"))
                .body("acceptedUntil", equalTo((today.getYear() + 1) + "-01-31"));
        String orderId = quoted.path("id");
        List<String> codes = codes(funder, orderId, 1);
        assertThat(codes).hasSize(3).allMatch(c -> c.matches("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}-[2-9A-HJKMNP-Z]{3}"));

        // not activated: nothing is usable yet
        UUID beneficiary = UUID.randomUUID();
        as(distributor).body(handOut(codes.get(0), beneficiary)).post("/api/vouchers/distributions").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("order-not-activated"));
        UUID labelled = UUID.randomUUID();
        CensusFeed.registered(labelled, "MQ", "97209");
        CensusFeed.aptic(labelled, "MQ", LocalDate.of(2026, 1, 1), null);
        CensusFeed.awaitFacts(census, labelled, f -> !f.aptic().isEmpty());
        String mediator = TestTokens.mediatorAt("MQ", labelled.toString());
        as(mediator).body(redemption(codes.get(0), labelled)).post("/api/vouchers/redemptions").then()
                .statusCode(409).body("code", equalTo("order-not-activated"));

        as(distributor).body("{\"mandateReference\": \"SEPA-1\"}").post("/api/vouchers/orders/" + orderId
                + "/activation").then().statusCode(403);
        activate(funder, orderId);
        as(funder).get("/api/vouchers/orders/" + orderId).then().statusCode(200).body("status", equalTo("activated"));

        as(distributor).body(booklet(orderId, 1, beneficiary)).post("/api/vouchers/distributions").then()
                .statusCode(201).body("passes.status", hasItems("distributed"));
        Response redeemed = as(mediator).header("Idempotency-Key", "redeem-" + orderId)
                .body(redemption(codes.get(0).toLowerCase().replace("-", " "), labelled))
                .post("/api/vouchers/redemptions");
        redeemed.then().statusCode(201).body("actorId", equalTo(labelled.toString())).body("territory", equalTo("MQ"))
                .body("communeInseeCode", equalTo("97209")).body("faceValueCents", equalTo(1000))
                .body("redeemedOn", equalTo(LocalDate.now(MARTINIQUE).toString()));
        Response replay = as(mediator).header("Idempotency-Key", "redeem-" + orderId)
                .body(redemption(codes.get(0).toLowerCase().replace("-", " "), labelled))
                .post("/api/vouchers/redemptions");
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.asString()).isEqualTo(redeemed.asString());
        as(mediator).body(redemption(codes.get(0), labelled)).post("/api/vouchers/redemptions").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("pass-already-redeemed"));

        // an actor without the label, and a label revoked yesterday
        UUID unlabelled = UUID.randomUUID();
        CensusFeed.registered(unlabelled, "MQ", "97213");
        UUID revoked = UUID.randomUUID();
        CensusFeed.registered(revoked, "MQ", "97209");
        CensusFeed.aptic(revoked, "MQ", LocalDate.of(2026, 1, 1), null);
        CensusFeed.revoked(revoked, "MQ", today.minusDays(1));
        CensusFeed.awaitFacts(census, unlabelled, f -> f.known());
        CensusFeed.awaitFacts(census, revoked, f -> f.aptic().size() == 1 && f.aptic().get(0).validUntil() != null);
        as(TestTokens.mediatorAt("MQ", unlabelled.toString())).body(redemption(codes.get(1), unlabelled))
                .post("/api/vouchers/redemptions").then().statusCode(422).body("code", equalTo("actor-not-labelled"));
        as(TestTokens.mediatorAt("MQ", revoked.toString())).body(redemption(codes.get(1), revoked))
                .post("/api/vouchers/redemptions").then().statusCode(422).body("code", equalTo("actor-not-labelled"));
        // a mediator redeems for its own actor only
        as(mediator).body(redemption(codes.get(1), unlabelled)).post("/api/vouchers/redemptions").then()
                .statusCode(403);

        // bad codes: a typo (check character, no look-up), an unknown code, not a code at all
        String typo = codes.get(1).charAt(0) == 'A' ? "B" + codes.get(1).substring(1) : "A" + codes.get(1).substring(1);
        as(mediator).body(redemption(typo, labelled)).post("/api/vouchers/redemptions").then().statusCode(422)
                .body("code", equalTo("code-mistyped"));
        as(mediator).body(redemption(wellFormedUnknown(codes.get(1)), labelled)).post("/api/vouchers/redemptions")
                .then().statusCode(404).body("code", equalTo("code-unknown"));
        as(mediator).body(redemption("O" + codes.get(1).substring(1), labelled)).post("/api/vouchers/redemptions")
                .then().statusCode(400).contentType("application/problem+json");

        // another funder's code is unknown to a distributor it was not given to
        String other = partner(unique("france-travail"), "MQ");
        as(other).body(handOut(codes.get(2), UUID.randomUUID())).post("/api/vouchers/distributions").then()
                .statusCode(404).body("code", equalTo("code-unknown"));
        as(other).get("/api/vouchers/orders/" + orderId).then().statusCode(403);
        as(other).get("/api/vouchers/orders/" + orderId + "/booklets/1").then().statusCode(403);
        as(TestTokens.coordinator("MQ")).get("/api/vouchers/orders/" + orderId).then().statusCode(200);
        as(TestTokens.coordinator("GP")).get("/api/vouchers/orders/" + orderId).then().statusCode(403);

        // hub staff see the refusals; a coordinator of another territory does not
        List<String> reasons = as(TestTokens.hubAdmin()).get("/api/vouchers/refusals?actorId=" + labelled).then()
                .statusCode(200).extract().path("reason");
        assertThat(reasons).contains("order-not-activated", "pass-already-redeemed", "code-mistyped", "code-unknown");
        assertThat(as(TestTokens.coordinator("MQ")).get("/api/vouchers/refusals?actorId=" + revoked).then()
                .statusCode(200).extract().<List<String>>path("reason")).containsExactly("actor-not-labelled");
        assertThat(as(TestTokens.coordinator("GP")).get("/api/vouchers/refusals?actorId=" + labelled).then()
                .statusCode(200).extract().<List<String>>path("reason")).isEmpty();
        as(mediator).get("/api/vouchers/refusals").then().statusCode(403);
    }

    @Test
    void aPerimeterOfTwoTerritoriesAndSomeCommunesAndALabelsLastDayInCayenneTime() {
        String funderId = unique("ctg");
        String funder = partner(funderId, "GF", "MQ");
        String orderId = quote(funder, """
                {"perimeter": {"territories": ["GF", "MQ"], "communes": ["97302", "97209"]}, "booklets": 1,
                 "passesPerBooklet": 3, "faceValueCents": 1234}""");
        as(funder).get("/api/vouchers/orders/" + orderId).then().body("territory", equalTo("GF"))
                .body("feeCents", equalTo(148)).body("totalCents", equalTo(3850));
        activate(funder, orderId);
        List<String> codes = codes(funder, orderId, 1);
        UUID beneficiary = UUID.randomUUID();
        as(funder).body(booklet(orderId, 1, beneficiary)).post("/api/vouchers/distributions").then().statusCode(201);

        // the label ends today in Cayenne: today's redemption there counts, whatever the date is in UTC
        UUID cayenne = UUID.randomUUID();
        LocalDate todayInCayenne = LocalDate.now(CAYENNE);
        CensusFeed.registered(cayenne, "GF", "97302");
        CensusFeed.aptic(cayenne, "GF", todayInCayenne.minusYears(1), todayInCayenne);
        CensusFeed.awaitFacts(census, cayenne, f -> !f.aptic().isEmpty());
        as(TestTokens.mediatorAt("GF", cayenne.toString())).body(redemption(codes.get(0), cayenne))
                .post("/api/vouchers/redemptions").then().statusCode(201)
                .body("redeemedOn", equalTo(todayInCayenne.toString())).body("faceValueCents", equalTo(1234));

        // Le Lamentin (97213) is in Martinique but not among the order's communes
        UUID lamentin = UUID.randomUUID();
        CensusFeed.registered(lamentin, "MQ", "97213");
        CensusFeed.aptic(lamentin, "MQ", LocalDate.of(2026, 1, 1), null);
        CensusFeed.awaitFacts(census, lamentin, f -> !f.aptic().isEmpty());
        as(TestTokens.mediatorAt("MQ", lamentin.toString())).body(redemption(codes.get(1), lamentin))
                .post("/api/vouchers/redemptions").then().statusCode(422).body("code", equalTo("outside-perimeter"));
    }

    @Test
    void inTheLastFifteenDaysPassesAreHandedOutOnlyOnceTheFunderConfirms() {
        String caf = unique("caf-972");
        String ccas = unique("ccas-le-lamentin");
        String funder = partner(caf, "MQ");
        String distributor = partner(ccas, "MQ");
        LocalDate soon = LocalDate.now(MARTINIQUE).plusDays(10);
        String orderId = quote(funder, """
                {"perimeter": {"territories": ["MQ"]}, "booklets": 1, "passesPerBooklet": 2, "validUntil": "%s",
                 "distributors": ["%s"]}""".formatted(soon, ccas));
        as(funder).body("{\"mandateReference\": \"SEPA-LATE\"}").post("/api/vouchers/orders/" + orderId + "/activation")
                .then().statusCode(200).body("lateDistributionFrom", equalTo(soon.minusDays(15).toString()))
                .body("lateDistributionConfirmed", equalTo(false));
        List<String> codes = codes(funder, orderId, 1);

        as(distributor).body(handOut(codes.get(0), UUID.randomUUID())).post("/api/vouchers/distributions").then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("late-distribution-not-confirmed"));
        as(distributor).post("/api/vouchers/orders/" + orderId + "/late-distribution").then().statusCode(403);
        as(partner(unique("other-funder"), "MQ")).post("/api/vouchers/orders/" + orderId + "/late-distribution")
                .then().statusCode(403);
        as(funder).post("/api/vouchers/orders/" + orderId + "/late-distribution").then().statusCode(200)
                .body("lateDistributionConfirmed", equalTo(true));
        as(funder).post("/api/vouchers/orders/" + orderId + "/late-distribution").then().statusCode(200);
        as(distributor).body(handOut(codes.get(0), UUID.randomUUID())).post("/api/vouchers/distributions").then()
                .statusCode(201);
    }

    @Test
    void badInputIsA400ProblemNamingTheFieldsAndRulesAre422() {
        String funder = partner(unique("caf-971"), "GP");
        as(funder).body("{}").post("/api/vouchers/orders").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("perimeter.territories",
                        "booklets"));
        as(funder).body("{\"perimeter\": {\"territories\": [\"XX\"], \"communes\": [\"abc\"]}, \"booklets\": 0, "
                + "\"faceValueCents\": -5, \"validUntil\": \"31/12/2026\", \"distributors\": [\"a b\"]}")
                .post("/api/vouchers/orders").then().statusCode(400).body("errors.field", hasItems(
                        "perimeter.territories[0]", "perimeter.communes[0]", "booklets", "faceValueCents",
                        "validUntil", "distributors[0]"));
        as(funder).body("{\"perimeter\": {\"territories\": [\"GP\"], \"communes\": [\"97209\"]}, \"booklets\": 1}")
                .post("/api/vouchers/orders").then().statusCode(422).body("code", equalTo("commune-outside-perimeter"));
        as(funder).body("{\"perimeter\": {\"territories\": [\"GP\"]}, \"booklets\": 1, \"validUntil\": \"2020-01-01\"}")
                .post("/api/vouchers/orders").then().statusCode(422).body("code", equalTo("validity-in-the-past"));
        as(funder).body("{\"perimeter\": {\"territories\": [\"MQ\"]}, \"booklets\": 1}").post("/api/vouchers/orders")
                .then().statusCode(403);
        as(funder).body("{\"funderId\": \"someone-else\", \"perimeter\": {\"territories\": [\"GP\"]}, \"booklets\": 1}")
                .post("/api/vouchers/orders").then().statusCode(403);
        as(TestTokens.hubAdmin()).body("{\"perimeter\": {\"territories\": [\"GP\"]}, \"booklets\": 1}")
                .post("/api/vouchers/orders").then().statusCode(400).body("errors.field", hasItems("funderId"));
        as(TestTokens.coordinator("GP")).body("{\"perimeter\": {\"territories\": [\"GP\"]}, \"booklets\": 1}")
                .post("/api/vouchers/orders").then().statusCode(403);
        as(TestTokens.mediatorAt("GP", UUID.randomUUID().toString())).body("{\"actorId\": \"x\"}")
                .post("/api/vouchers/redemptions").then().statusCode(400).body("errors.field", hasItems("code",
                        "actorId"));
        as(funder).body("{\"beneficiaryId\": \"" + UUID.randomUUID() + "\"}").post("/api/vouchers/distributions")
                .then().statusCode(400).body("errors.field", hasItems("code"));
        as(funder).body("{\"mandateReference\": \"x\"}").post("/api/vouchers/orders/" + UUID.randomUUID()
                + "/activation").then().statusCode(404).body("code", equalTo("order-not-found"));
        as(funder).get("/api/vouchers/orders/not-an-id").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/vouchers/orders/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void aQuoteStoresItsCodesWithItsEventsAndARefusedOrReplayedQuoteNone() {
        String funder = partner(unique("caf-973"), "GF");
        String orderBody = "{\"perimeter\": {\"territories\": [\"GF\"]}, \"booklets\": 2, \"passesPerBooklet\": 3}";
        long before = codeRows();
        as(funder).body("{\"perimeter\": {\"territories\": [\"GF\"]}, \"booklets\": 2, "
                + "\"validUntil\": \"2020-01-01\"}").post("/api/vouchers/orders").then().statusCode(422);
        assertThat(codeRows()).as("a refused quote stores no code").isEqualTo(before);

        String key = "quote-" + UUID.randomUUID();
        String first = as(funder).header("Idempotency-Key", key).body(orderBody).post("/api/vouchers/orders").then()
                .statusCode(201).extract().asString();
        assertThat(codeRows()).isEqualTo(before + 6);
        String again = as(funder).header("Idempotency-Key", key).body(orderBody).post("/api/vouchers/orders").then()
                .statusCode(201).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(codeRows()).as("a replayed quote draws no new codes").isEqualTo(before + 6);
    }

    private long codeRows() {
        return pool.query("SELECT count(*) FROM pass_codes").execute().await().atMost(java.time.Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    /** A code with a right check character that no order drew (vanishingly unlikely to exist). */
    private static String wellFormedUnknown(String like) {
        String body = like.replace("-", "").substring(0, 13);
        for (char c : "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray()) {
            for (char check : "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray()) {
                String candidate = (c == body.charAt(0) ? "Z" : String.valueOf(c)) + body.substring(1) + "2" + check;
                if (fr.hubag.vouchers.domain.PassCode.read(candidate) instanceof fr.hubag.vouchers.domain.PassCode.Valid) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no code");
    }
}
