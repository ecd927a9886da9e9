package fr.hubag.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.job.JobRunner;
import fr.hubag.eventsourcing.job.Period;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.vouchers.application.SettlementJob;
import fr.hubag.vouchers.infra.Census;
import fr.hubag.vouchers.infra.MonthlyRedemptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.codes;
import static fr.hubag.vouchers.api.VouchersTestSupport.handOut;
import static fr.hubag.vouchers.api.VouchersTestSupport.order;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.redemption;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The monthly settlement over HTTP and the kernel's job runner: passes redeemed either side of a month's end in
 * Cayenne (UTC-3) and Martinique (UTC-4) — one instant that is 1 February in Cayenne and still 31 January in
 * Fort-de-France — land on the statements of their actor's local month; two months missed while "down" are both
 * caught up in one run; a month run again, or by another job, issues nothing more.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class SettlementTest {

    static final ZoneId CAYENNE = ZoneId.of("America/Cayenne");
    static final ZoneId MARTINIQUE = ZoneId.of("America/Martinique");

    @Inject
    Census census;
    @Inject
    JobRunner runner;
    @Inject
    CommandExecutor executor;
    @Inject
    MonthlyRedemptions redemptions;

    @AfterEach
    void systemClockAgain() {
        TestClock.reset();
    }

    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @Test
    void statementsFollowTheActorsLocalMonthAndMissedMonthsAreCaughtUpOnce() {
        UUID cayenne = labelledActor("GF", "97302");
        UUID fortDeFrance = labelledActor("MQ", "97209");
        List<String> codes = handedOutPasses(local("2026-01-10T10:00", CAYENNE), 4);

        Instant boundary = local("2026-02-01T00:30", CAYENNE);
        assertThat(boundary.atZone(MARTINIQUE).toLocalDateTime()).isEqualTo("2026-01-31T23:30");
        redeem(codes.get(0), cayenne, "GF", local("2026-01-31T23:30", CAYENNE));   // January in Cayenne
        redeem(codes.get(1), cayenne, "GF", boundary);                             // February in Cayenne
        redeem(codes.get(2), fortDeFrance, "MQ", boundary);                        // still January in Martinique
        redeem(codes.get(3), fortDeFrance, "MQ", local("2026-02-01T00:30", MARTINIQUE));

        String tag = UUID.randomUUID().toString().substring(0, 8);
        SettlementJob gf = job("test.settlement.GF." + tag, Territory.GF);
        SettlementJob mq = job("test.settlement.MQ." + tag, Territory.MQ);
        // the service is "up" in mid-January: no month has ended yet
        assertThat(catchUp(gf, local("2026-01-20T12:00", CAYENNE))).isEmpty();
        // then "down" until March: January and February are both caught up, oldest first
        assertThat(catchUp(gf, local("2026-03-01T06:00", CAYENNE))).containsExactly("2026-01", "2026-02");
        assertThat(catchUp(mq, local("2026-03-01T06:00", MARTINIQUE))).containsExactly("2026-01", "2026-02");

        statement(cayenne, "2026-01").then().statusCode(200).body("territory", equalTo("GF"))
                .body("lines.redeemedOn", contains("2026-01-31")).body("passCount", equalTo(1))
                .body("totalCents", equalTo(1000)).body("status", equalTo("issued")).body("version", equalTo(1))
                .body("issuedAt", equalTo("2026-02-01T03:00:00Z"));
        statement(cayenne, "2026-02").then().statusCode(200).body("lines.redeemedOn", contains("2026-02-01"));
        statement(fortDeFrance, "2026-01").then().statusCode(200).body("lines.redeemedOn", contains("2026-01-31"))
                .body("issuedAt", equalTo("2026-02-01T04:00:00Z"));
        statement(fortDeFrance, "2026-02").then().statusCode(200).body("lines.redeemedOn", contains("2026-02-01"));
        as(TestTokens.mediatorAt("GF", cayenne.toString())).get("/api/vouchers/statements/by-actor/" + cayenne)
                .then().statusCode(200).body("statements.month", contains("2026-02", "2026-01"))
                .body("statements.passCount", contains(1, 1)).body("statements.status", contains("issued", "issued"));
        // no redemption in March, no statement (and none before the first)
        statement(cayenne, "2025-12").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("statement-not-found"));

        // run again: the runner knows the months are done; the months' commands run again decide nothing; a job of
        // another name (its own keys) finds each statement's stream already issued
        assertThat(catchUp(gf, local("2026-03-02T06:00", CAYENNE))).isEmpty();
        Period january = new Period(gf.name(), "2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
        assertThat(gf.run(january).await().atMost(Duration.ofSeconds(30))).startsWith("statements issued 0 of ");
        SettlementJob other = job("test.settlement.GF.other." + tag, Territory.GF);
        assertThat(catchUp(other, local("2026-03-01T06:00", CAYENNE))).containsExactly("2026-01", "2026-02");
        statement(cayenne, "2026-01").then().statusCode(200).body("version", equalTo(1)).body("passCount", equalTo(1));
        statement(cayenne, "2026-02").then().statusCode(200).body("version", equalTo(1));
    }

    SettlementJob job(String name, Territory territory) {
        return new SettlementJob(name, territory, LocalDate.of(2026, 1, 1), executor, redemptions);
    }

    List<String> catchUp(SettlementJob job, Instant now) {
        return runner.catchUp(job, Clock.fixed(now, ZoneOffset.UTC)).await().atMost(Duration.ofSeconds(60))
                .stream().map(Period::label).toList();
    }

    static io.restassured.response.Response statement(UUID actor, String month) {
        return as(TestTokens.hubAdmin()).get("/api/vouchers/statements?actorId=" + actor + "&month=" + month);
    }

    /** An actor of the census in {@code territory}, labelled APTIC since 2025. */
    UUID labelledActor(String territory, String commune) {
        UUID actor = UUID.randomUUID();
        CensusFeed.registered(actor, territory, commune);
        CensusFeed.aptic(actor, territory, LocalDate.of(2025, 1, 1), null);
        CensusFeed.awaitFacts(census, actor, f -> !f.aptic().isEmpty());
        return actor;
    }

    /** {@code count} passes of an order for Guyane and Martinique, quoted, activated and handed out at {@code at}. */
    static List<String> handedOutPasses(Instant at, int count) {
        TestClock.at(at);
        String caf = unique("caf-973");
        String funder = partner(caf, "GF", "MQ");
        String orderId = quote(funder, order("\"GF\", \"MQ\"", 1, count, caf));
        activate(funder, orderId);
        List<String> codes = codes(funder, orderId, 1);
        for (String code : codes) {
            as(funder).body(handOut(code, UUID.randomUUID())).post("/api/vouchers/distributions").then()
                    .statusCode(201);
        }
        return codes;
    }

    static void redeem(String code, UUID actor, String territory, Instant at) {
        TestClock.at(at);
        as(TestTokens.mediatorAt(territory, actor.toString())).body(redemption(code, actor))
                .post("/api/vouchers/redemptions").then().statusCode(201);
    }
}
