package fr.hubag.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.Race;
import fr.hubag.testing.TestTokens;
import fr.hubag.vouchers.infra.Census;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.hubag.vouchers.api.ExpiryRuns.endOf;
import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.booklet;
import static fr.hubag.vouchers.api.VouchersTestSupport.codes;
import static fr.hubag.vouchers.api.VouchersTestSupport.handOut;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.redemption;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The expiry job through the kernel's runner with clocks the test sets: passes expire once the tolerance has ended in
 * the order's zone (Cayenne an hour before Martinique), not a minute before; the credit note and its reconciliation
 * add up to the cent; run twice, or again after its marks are lost, it records nothing more; after days down it
 * catches up; and redemptions racing the expiry leave each pass redeemed or expired, never both.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class ExpiryJobTest {

    @Inject
    ExpiryRuns runs;
    @Inject
    Census census;

    @BeforeEach
    void forgetRuns() {
        for (Territory territory : Territory.values()) {
            runs.forget(territory);
        }
    }

    static String orderUntil(String territory, int booklets, int passes, LocalDate validUntil, String distributor) {
        return """
                {"perimeter": {"territories": ["%s"]}, "booklets": %d, "passesPerBooklet": %d, "validUntil": "%s",
                 "distributors": ["%s"]}""".formatted(territory, booklets, passes, validUntil, distributor);
    }

    /** A labelled actor of the census in {@code territory}; returns its mediator's token. */
    private String labelledMediator(UUID actor, String territory, String commune) {
        CensusFeed.registered(actor, territory, commune);
        CensusFeed.aptic(actor, territory, LocalDate.of(2026, 1, 1), null);
        CensusFeed.awaitFacts(census, actor, f -> !f.aptic().isEmpty());
        return TestTokens.mediatorAt(territory, actor.toString());
    }

    @Test
    void unredeemedPassesExpireWhenTheToleranceEndsInTheZoneOnceWhateverTheRuns() {
        String caf = unique("caf-972");
        String funder = partner(caf, "MQ");
        LocalDate today = LocalDate.now(Territory.MQ.zone());
        String orderId = quote(funder, orderUntil("MQ", 2, 3, today, caf));
        activate(funder, orderId);
        LocalDate acceptedUntil = LocalDate.parse(as(funder).get("/api/vouchers/orders/" + orderId).path("acceptedUntil"));
        assertThat(acceptedUntil).isEqualTo(today.plusMonths(1));
        List<String> codes = codes(funder, orderId, 1);
        List<String> second = codes(funder, orderId, 2);
        as(funder).body(booklet(orderId, 1, UUID.randomUUID())).post("/api/vouchers/distributions").then()
                .statusCode(201);
        UUID actor = UUID.randomUUID();
        String mediator = labelledMediator(actor, "MQ", "97209");
        as(mediator).body(redemption(codes.get(0), actor)).post("/api/vouchers/redemptions").then().statusCode(201);
        as(funder).get("/api/vouchers/credit-notes/" + orderId).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("credit-note-not-issued"));

        // a minute before the end of acceptedUntil in Martinique: the day before ran, nothing expired
        Instant end = endOf(acceptedUntil, Territory.MQ);
        assertThat(runs.at(Territory.MQ, acceptedUntil.minusDays(1), end.minusSeconds(60))).hasSize(1);
        as(funder).get("/api/vouchers/orders/" + orderId).then().body("status", equalTo("activated"));
        assertThat(runs.expiryEvents(orderId)).isZero();

        assertThat(runs.at(Territory.MQ, acceptedUntil.minusDays(1), end.plusSeconds(1))).hasSize(1);
        as(funder).get("/api/vouchers/orders/" + orderId).then().body("status", equalTo("expired"));
        // 6 passes of 10 €: 3 handed out, 1 redeemed; 5 expire (3 never handed out): 50 € credited, 2.40 € fee kept
        as(funder).get("/api/vouchers/credit-notes/" + orderId).then().statusCode(200)
                .body("creditedCents", equalTo(5000)).body("issuedAt", equalTo(end.toString()))
                .body("reconciliation.ordered.passes", equalTo(6)).body("reconciliation.ordered.cents", equalTo(6000))
                .body("reconciliation.distributed.passes", equalTo(3))
                .body("reconciliation.redeemed.passes", equalTo(1)).body("reconciliation.redeemed.cents", equalTo(1000))
                .body("reconciliation.expired.passes", equalTo(5)).body("reconciliation.expired.cents", equalTo(5000))
                .body("reconciliation.expiredUndistributed.passes", equalTo(3))
                .body("reconciliation.feeCents", equalTo(240)).body("reconciliation.feeCreditedCents", equalTo(0))
                .body("reconciliation.paidCents", equalTo(6240));
        assertThat(runs.expiryEvents(orderId)).isEqualTo(6);

        // an expired pass is neither redeemed nor handed out any more (today is still inside the dates)
        as(mediator).body(redemption(codes.get(1), actor)).post("/api/vouchers/redemptions").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("pass-expired"));
        as(funder).body(handOut(second.get(0), UUID.randomUUID())).post("/api/vouchers/distributions").then()
                .statusCode(409).body("code", equalTo("pass-expired"));
        as(mediator).body(redemption(codes.get(0), actor)).post("/api/vouchers/redemptions").then().statusCode(409)
                .body("code", equalTo("pass-already-redeemed"));

        // again: nothing to run; the marks lost (a crash before them): the period runs again, records nothing
        assertThat(runs.at(Territory.MQ, acceptedUntil.minusDays(1), end.plusSeconds(1))).isEmpty();
        runs.forget(Territory.MQ);
        assertThat(runs.at(Territory.MQ, acceptedUntil.minusDays(1), end.plusSeconds(1))).hasSize(2);
        assertThat(runs.expiryEvents(orderId)).isEqualTo(6);
        assertThat(runs.redeemedAndExpired(orderId)).isZero();
    }

    @Test
    void cayenneExpiresAnHourBeforeMartiniqueAndAJobDownForDaysCatchesUp() {
        String ctg = unique("ctg");
        String funder = partner(ctg, "GF", "MQ");
        LocalDate validUntil = LocalDate.now(Territory.GF.zone()).plusDays(2);
        String guyane = quote(funder, orderUntil("GF", 1, 2, validUntil, ctg));
        String martinique = quote(funder, orderUntil("MQ", 1, 2, validUntil, ctg));
        activate(funder, guyane);
        activate(funder, martinique);
        LocalDate acceptedUntil = validUntil.plusMonths(1);

        // 00:30 on the next day in Cayenne is 23:30 on acceptedUntil in Fort-de-France
        Instant cayenneNight = endOf(acceptedUntil, Territory.GF).plusSeconds(1800);
        assertThat(runs.at(Territory.GF, acceptedUntil, cayenneNight)).hasSize(1);
        assertThat(runs.at(Territory.MQ, acceptedUntil, cayenneNight)).isEmpty();
        as(funder).get("/api/vouchers/orders/" + guyane).then().body("status", equalTo("expired"));
        as(funder).get("/api/vouchers/orders/" + martinique).then().body("status", equalTo("activated"));

        // the service was down three days: the Martinique job runs the three ended days, the order expires in the
        // first, as of the end of its tolerance there
        Instant threeDaysLater = cayenneNight.plusSeconds(3 * 86_400);
        assertThat(runs.at(Territory.MQ, acceptedUntil, threeDaysLater)).hasSize(3);
        as(funder).get("/api/vouchers/credit-notes/" + martinique).then().statusCode(200)
                .body("issuedAt", equalTo(endOf(acceptedUntil, Territory.MQ).toString()))
                .body("creditedCents", equalTo(2000)).body("reconciliation.expiredUndistributed.passes", equalTo(2));
        as(funder).get("/api/vouchers/credit-notes/" + guyane).then().statusCode(200)
                .body("issuedAt", equalTo(endOf(acceptedUntil, Territory.GF).toString()));
    }

    @Test
    void redemptionsRacingTheExpiryLeaveEachPassRedeemedOrExpiredNeverBoth() throws Exception {
        String caf = unique("caf-971");
        String funder = partner(caf, "GP");
        LocalDate validUntil = LocalDate.now(Territory.GP.zone()).plusDays(1);
        String orderId = quote(funder, orderUntil("GP", 3, 100, validUntil, caf));
        activate(funder, orderId);
        List<String> codes = new java.util.ArrayList<>();
        for (int b = 1; b <= 3; b++) {
            as(funder).body(booklet(orderId, b, UUID.randomUUID())).post("/api/vouchers/distributions").then()
                    .statusCode(201);
            codes.addAll(codes(funder, orderId, b));
        }
        UUID actor = UUID.randomUUID();
        String mediator = labelledMediator(actor, "GP", "97101");
        LocalDate acceptedUntil = validUntil.plusMonths(1);

        // 60 redemptions spread over the 300 passes (both expiry batches) and over 2.4 s from the job's start; the
        // redemptions carry today's time (inside the dates), the job runs as if the tolerance had just ended. A batch
        // that loses a race to a redemption is decided again on the redeemed pass; a redemption that loses to a batch
        // is decided again on the expired pass (409)
        int redeemers = 60;
        long[] jobMillis = new long[1];
        List<Object> answers = Race.of(redeemers + 1, caller -> {
            if (caller == redeemers) {
                long started = System.nanoTime();
                var ran = runs.at(Territory.GP, acceptedUntil, endOf(acceptedUntil, Territory.GP).plusSeconds(1));
                jobMillis[0] = (System.nanoTime() - started) / 1_000_000;
                return ran;
            }
            Thread.sleep(caller * 40L);
            return as(mediator).body(redemption(codes.get(caller * 5), actor)).post("/api/vouchers/redemptions");
        });
        assertThat(answers.get(redeemers)).as("the job ran").isInstanceOf(List.class);
        List<Response> responses = answers.subList(0, redeemers).stream().map(Response.class::cast).toList();
        long redeemed = responses.stream().filter(r -> r.statusCode() == 201).count();
        assertThat(responses).filteredOn(r -> r.statusCode() != 201).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
            assertThat(r.<String>path("code")).isEqualTo("pass-expired");
        });
        assertThat(runs.redeemedAndExpired(orderId)).isZero();
        as(funder).get("/api/vouchers/credit-notes/" + orderId).then().statusCode(200)
                .body("reconciliation.redeemed.passes", equalTo((int) redeemed))
                .body("reconciliation.expired.passes", equalTo(300 - (int) redeemed))
                .body("creditedCents", equalTo((300 - (int) redeemed) * 1000));
        System.out.printf("%d redemptions racing the expiry of their order's 300 passes: %d redeemed, %d refused "
                + "pass-expired, none both; the job took %d ms%n", redeemers, redeemed, redeemers - redeemed,
                jobMillis[0]);
    }
}
