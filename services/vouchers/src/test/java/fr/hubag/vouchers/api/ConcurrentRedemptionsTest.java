package fr.hubag.vouchers.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.Race;
import fr.hubag.testing.TestTokens;
import fr.hubag.vouchers.infra.Census;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.booklet;
import static fr.hubag.vouchers.api.VouchersTestSupport.codes;
import static fr.hubag.vouchers.api.VouchersTestSupport.order;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.redemption;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: 50 simultaneous redemptions of one pass — real concurrent HTTP requests — give exactly one success and 49
 * clear "already redeemed" answers (one stream per pass; a command that loses the race is decided again on the
 * redeemed pass), and the 49 refusals are recorded. Prints how long the race took.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class ConcurrentRedemptionsTest {

    @Inject
    Census census;

    @Test
    void fiftySimultaneousRedemptionsOfOnePassGiveOneSuccessAndFortyNineAlreadyRedeemed() throws Exception {
        String funderId = unique("caf-973");
        String funder = partner(funderId, "GF");
        String orderId = quote(funder, order("\"GF\"", 1, 2, funderId));
        activate(funder, orderId);
        as(funder).body(booklet(orderId, 1, UUID.randomUUID())).post("/api/vouchers/distributions").then()
                .statusCode(201);
        UUID actor = UUID.randomUUID();
        CensusFeed.registered(actor, "GF", "97302");
        CensusFeed.aptic(actor, "GF", LocalDate.of(2026, 1, 1), null);
        CensusFeed.awaitFacts(census, actor, f -> !f.aptic().isEmpty());
        String mediator = TestTokens.mediatorAt("GF", actor.toString());
        List<String> codes = codes(funder, orderId, 1);
        // warm the path once on the other pass, so that the race measures redemptions, not the first request
        as(mediator).body(redemption(codes.get(1), actor)).post("/api/vouchers/redemptions").then().statusCode(201);

        long started = System.nanoTime();
        List<Object> answers = Race.of(50, caller -> as(mediator).body(redemption(codes.get(0), actor))
                .post("/api/vouchers/redemptions"));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(answers).as("every caller got an answer").hasOnlyElementsOfType(Response.class);
        List<Response> responses = answers.stream().map(Response.class::cast).toList();
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 201).hasSize(49).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.<String>path("code")).isEqualTo("pass-already-redeemed");
        });
        List<String> reasons = as(TestTokens.hubAdmin()).get("/api/vouchers/refusals?actorId=" + actor).then()
                .statusCode(200).extract().path("reason");
        assertThat(reasons).hasSize(49).containsOnly("pass-already-redeemed");
        System.out.printf("50 concurrent redemptions of one pass: %.2f s, 1 redeemed, 49 already redeemed%n",
                seconds);
    }
}
