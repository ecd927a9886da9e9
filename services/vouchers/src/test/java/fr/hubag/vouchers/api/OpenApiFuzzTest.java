package fr.hubag.vouchers.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.testing.fuzz.FuzzRequest;
import fr.hubag.testing.fuzz.OpenApiFuzz;
import fr.hubag.testing.fuzz.OpenApiFuzzCases;
import fr.hubag.vouchers.infra.Census;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.booklet;
import static fr.hubag.vouchers.api.VouchersTestSupport.codes;
import static fr.hubag.vouchers.api.VouchersTestSupport.handOut;
import static fr.hubag.vouchers.api.VouchersTestSupport.redemption;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the vouchers' OpenAPI fuzzed from a valid body, one member broken at a time and then several:
 * no 5xx, every refusal a problem document, nothing stored. The valid bodies ask for what is already true (the same
 * activation, a pass handed to the same beneficiary, a redeemed pass), so only a broken one could store anything.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class OpenApiFuzzTest {

    @Inject
    Census census;

    @Test
    void everyOperationRefusesMalformedInputAndStoresNothing() {
        String admin = TestTokens.hubAdmin();
        String orderId = VouchersTestSupport.quote(admin, "{\"funderId\": \"fuzz-funder\", \"perimeter\": "
                + "{\"territories\": [\"MQ\"]}, \"booklets\": 1, \"passesPerBooklet\": 2}");
        as(admin).body("{\"mandateReference\": \"SEPA-FUZZ\"}").post("/api/vouchers/orders/" + orderId
                + "/activation").then().statusCode(200);
        UUID beneficiary = UUID.randomUUID();
        as(admin).body(booklet(orderId, 1, beneficiary)).post("/api/vouchers/distributions").then().statusCode(201);
        List<String> codes = codes(admin, orderId, 1);
        UUID actor = UUID.randomUUID();
        CensusFeed.registered(actor, "MQ", "97209");
        CensusFeed.aptic(actor, "MQ", LocalDate.of(2026, 1, 1), null);
        CensusFeed.awaitFacts(census, actor, f -> !f.aptic().isEmpty());
        as(admin).body(redemption(codes.get(0), actor)).post("/api/vouchers/redemptions").then().statusCode(201);

        Map<String, String> bodies = Map.of(
                "POST /api/vouchers/orders", "{\"funderId\": \"fuzz-funder\", \"perimeter\": {\"territories\": "
                        + "[\"MQ\"], \"communes\": [\"97209\"]}, \"booklets\": 2, \"passesPerBooklet\": 10, "
                        + "\"faceValueCents\": 1000, \"validUntil\": \""
                        + (java.time.LocalDate.now().getYear() + 1) + "-06-30\", \"programmeId\": \"p\", "
                        + "\"distributors\": [\"ccas\"]}",
                "POST /api/vouchers/orders/{id}/activation", "{\"mandateReference\": \"SEPA-FUZZ\"}",
                "POST /api/vouchers/distributions", handOut(codes.get(1), beneficiary)
                        .replace("\"60_ans_et_plus\"", "null").replace("\"97209\"", "null"),
                "POST /api/vouchers/redemptions", redemption(codes.get(0), actor),
                // {id} is the order's, no statement's: a valid payment is a 404, a broken one a 400
                "POST /api/vouchers/statements/{id}/payment", "{\"paymentReference\": \"VIR-FUZZ\"}");
        List<FuzzRequest> cases = new OpenApiFuzzCases(OpenApiFuzz.servedDocument(),
                Map.of("id", orderId, "booklet", "1", "actorId", actor.toString()), bodies, OpenApiFuzz.SEED)
                .cases(300);
        OpenApiFuzz.Report report = new OpenApiFuzz("vouchers", TestTokens.hubAdmin()).run(cases);

        System.out.println(report.summary());
        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.storedRows()).isZero();
    }
}
