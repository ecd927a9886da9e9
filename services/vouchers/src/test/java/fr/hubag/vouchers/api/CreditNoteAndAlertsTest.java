package fr.hubag.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.hubag.vouchers.api.ExpiryJobTest.orderUntil;
import static fr.hubag.vouchers.api.ExpiryRuns.endOf;
import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.booklet;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Who sees what of the end of an order, role by territory: a funder its own alerts and credit notes, the coordinators
 * of the order's territories read them, hub admins all; other partners (a distributor of the order included),
 * mediators and analysts are refused. The alert window in the order's calendar: an order valid 30 days more is
 * listed, 31 days more is not.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class CreditNoteAndAlertsTest {

    static final String ALERTS = "/api/vouchers/alerts";

    @Inject
    ExpiryRuns runs;

    @Test
    void alertsStartThirtyDaysBeforeTheValidityEndAndFundersSeeTheirOwn() {
        String caf = unique("caf-972");
        String ccas = unique("ccas-schoelcher");
        String funder = partner(caf, "MQ");
        LocalDate today = LocalDate.now(Territory.MQ.zone());
        String inWindow = quote(funder, orderUntil("MQ", 2, 5, today.plusDays(30), ccas));
        String notYet = quote(funder, orderUntil("MQ", 1, 5, today.plusDays(31), ccas));
        String neverPaid = quote(funder, orderUntil("MQ", 1, 5, today.plusDays(10), ccas));
        activate(funder, inWindow);
        activate(funder, notYet);
        as(funder).body(booklet(inWindow, 1, UUID.randomUUID())).post("/api/vouchers/distributions").then()
                .statusCode(201);

        List<String> own = as(funder).get(ALERTS).then().statusCode(200).extract().path("orderId");
        assertThat(own).containsExactly(inWindow).doesNotContain(notYet, neverPaid);
        as(funder).get(ALERTS).then().body("[0].phase", equalTo("validity-ending")).body("[0].daysLeft", equalTo(30))
                .body("[0].validUntil", equalTo(today.plusDays(30).toString())).body("[0].passes", equalTo(10))
                .body("[0].distributed", equalTo(5)).body("[0].notDistributed", equalTo(5))
                .body("[0].notRedeemed", equalTo(10)).body("[0].notRedeemedCents", equalTo(10_000));
        assertThat(as(funder).get(ALERTS + "?funderId=" + caf).then().statusCode(200).extract()
                .<List<String>>path("orderId")).containsExactly(inWindow);
        as(funder).get(ALERTS + "?funderId=someone-else").then().statusCode(403);
        as(funder).get(ALERTS + "?funderId=not an id").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("funderId"));

        assertThat(ids(partner(ccas, "MQ"), ALERTS)).doesNotContain(inWindow);
        assertThat(ids(partner(unique("france-travail"), "MQ"), ALERTS)).doesNotContain(inWindow);
        assertThat(ids(TestTokens.coordinator("MQ"), ALERTS)).contains(inWindow).doesNotContain(notYet);
        assertThat(ids(TestTokens.coordinator("GP"), ALERTS)).doesNotContain(inWindow);
        assertThat(ids(TestTokens.hubAdmin(), ALERTS + "?funderId=" + caf)).containsExactly(inWindow);
        as(TestTokens.mediatorAt("MQ", UUID.randomUUID().toString())).get(ALERTS).then().statusCode(403);
        as(TestTokens.of("analyst", "MQ")).get(ALERTS).then().statusCode(403);
        RestAssured.given().get(ALERTS).then().statusCode(401);
    }

    @Test
    void aCreditNoteIsReadByItsFunderTheCoordinatorsOfItsTerritoryAndHubAdminsOnly() {
        String caf = unique("caf-972");
        String ccas = unique("ccas-le-robert");
        String funder = partner(caf, "MQ");
        LocalDate today = LocalDate.now(Territory.MQ.zone());
        String orderId = quote(funder, orderUntil("MQ", 1, 4, today, ccas));
        activate(funder, orderId);
        String note = "/api/vouchers/credit-notes/" + orderId;
        as(TestTokens.hubAdmin()).get(note).then().statusCode(404).body("code", equalTo("credit-note-not-issued"));

        runs.forget(Territory.MQ);
        LocalDate acceptedUntil = today.plusMonths(1);
        runs.at(Territory.MQ, acceptedUntil, endOf(acceptedUntil, Territory.MQ));

        as(funder).get(note).then().statusCode(200).body("orderId", equalTo(orderId)).body("funderId", equalTo(caf))
                .body("creditedCents", equalTo(4000)).body("reconciliation.paidCents", equalTo(4160));
        as(TestTokens.coordinator("MQ")).get(note).then().statusCode(200);
        as(TestTokens.hubAdmin()).get(note).then().statusCode(200);
        as(partner(ccas, "MQ")).get(note).then().statusCode(403).contentType("application/problem+json");
        as(partner(unique("france-travail"), "MQ")).get(note).then().statusCode(403);
        as(partner(caf, "GP")).get(note).then().statusCode(403);
        as(TestTokens.coordinator("GP")).get(note).then().statusCode(403);
        as(TestTokens.mediatorAt("MQ", UUID.randomUUID().toString())).get(note).then().statusCode(403);
        as(TestTokens.of("analyst", "MQ")).get(note).then().statusCode(403);
        RestAssured.given().get(note).then().statusCode(401);
        // the list: a funder's own, its territory's coordinators, hub admins
        String notes = "/api/vouchers/credit-notes";
        assertThat(ids(funder, notes)).contains(orderId);
        assertThat(ids(funder, notes + "?funderId=" + caf)).containsExactly(orderId);
        as(funder).get(notes + "?funderId=someone-else").then().statusCode(403);
        as(funder).get(notes + "?funderId=a%20b").then().statusCode(400).contentType("application/problem+json");
        assertThat(ids(partner(ccas, "MQ"), notes)).doesNotContain(orderId);
        assertThat(ids(TestTokens.coordinator("MQ"), notes)).contains(orderId);
        assertThat(ids(TestTokens.coordinator("GP"), notes)).doesNotContain(orderId);
        assertThat(ids(TestTokens.hubAdmin(), notes + "?funderId=" + caf)).containsExactly(orderId);
        as(TestTokens.mediatorAt("MQ", UUID.randomUUID().toString())).get(notes).then().statusCode(403);
        RestAssured.given().get(notes).then().statusCode(401);
        as(funder).get("/api/vouchers/credit-notes/not-an-id").then().statusCode(404)
                .contentType("application/problem+json");
        as(funder).get("/api/vouchers/credit-notes/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("order-not-found"));
    }

    private static List<String> ids(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().path("orderId");
    }
}
