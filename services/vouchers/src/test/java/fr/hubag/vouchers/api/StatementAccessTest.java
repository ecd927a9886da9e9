package fr.hubag.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.job.JobRunner;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.vouchers.application.SettlementJob;
import fr.hubag.vouchers.domain.StatementDecider;
import fr.hubag.vouchers.infra.Census;
import fr.hubag.vouchers.infra.MonthlyRedemptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static fr.hubag.vouchers.api.SettlementTest.local;
import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.codes;
import static fr.hubag.vouchers.api.VouchersTestSupport.handOut;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * A Saint-Martin actor's statement of March 2026 (two passes of 12.34 €): who reads it (its mediator, its territory's
 * coordinators, hub admins; nobody else), its CSV for a French spreadsheet and its PDF read back with PDFBox, its
 * payment (hub admins; the same reference again changes nothing, another is 409), and bad input as 4xx problems.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class StatementAccessTest {

    static final ZoneId MARIGOT = ZoneId.of("America/Marigot");
    static UUID actor;
    static UUID statement;

    @Inject
    Census census;
    @Inject
    JobRunner runner;
    @Inject
    CommandExecutor executor;
    @Inject
    MonthlyRedemptions redemptions;

    @BeforeEach
    void aStatementOfMarch() {
        if (statement != null) {
            return;
        }
        actor = UUID.randomUUID();
        CensusFeed.registered(actor, "MF", "97801");
        CensusFeed.aptic(actor, "MF", LocalDate.of(2025, 1, 1), null);
        CensusFeed.awaitFacts(census, actor, f -> !f.aptic().isEmpty());
        TestClock.at(local("2026-03-02T09:00", MARIGOT));
        String caf = unique("caf-978");
        String funder = partner(caf, "MF");
        String orderId = quote(funder, """
                {"perimeter": {"territories": ["MF"]}, "booklets": 1, "passesPerBooklet": 2, "faceValueCents": 1234}""");
        activate(funder, orderId);
        List<String> codes = codes(funder, orderId, 1);
        for (String code : codes) {
            as(funder).body(handOut(code, UUID.randomUUID())).post("/api/vouchers/distributions").then().statusCode(201);
        }
        SettlementTest.redeem(codes.get(0), actor, "MF", local("2026-03-03T10:00", MARIGOT));
        SettlementTest.redeem(codes.get(1), actor, "MF", local("2026-03-31T23:59", MARIGOT));
        TestClock.reset();
        SettlementJob job = new SettlementJob("test.settlement.MF." + UUID.randomUUID(), Territory.MF,
                LocalDate.of(2026, 3, 1), executor, redemptions);
        runner.catchUp(job, Clock.fixed(local("2026-04-01T06:00", MARIGOT), ZoneOffset.UTC))
                .await().atMost(Duration.ofSeconds(60));
        statement = StatementDecider.statementId(actor, YearMonth.of(2026, 3));
    }

    @AfterEach
    void systemClockAgain() {
        TestClock.reset();
    }

    static String path(String tail) {
        return "/api/vouchers/statements/" + statement + tail;
    }

    @Test
    void itsMediatorItsCoordinatorsAndHubAdminsReadItNobodyElse() {
        for (String reader : List.of(TestTokens.hubAdmin(), TestTokens.coordinator("MF"),
                TestTokens.mediatorAt("MF", actor.toString()))) {
            as(reader).get(path("")).then().statusCode(200).body("actorId", equalTo(actor.toString()))
                    .body("month", equalTo("2026-03")).body("passCount", equalTo(2)).body("totalCents", equalTo(2468));
            as(reader).get(path("/csv")).then().statusCode(200);
            as(reader).get("/api/vouchers/statements/by-actor/" + actor).then().statusCode(200)
                    .body("statements.month", contains("2026-03")).body("statements[0].totalCents", equalTo(2468))
                    .body("statements[0].id", equalTo(statement.toString()));
            as(reader).get(path("/pdf")).then().statusCode(200);
        }
        as(TestTokens.mediatorAt("MF", actor.toString())).get("/api/vouchers/statements?actorId=" + actor
                + "&month=2026-03").then().statusCode(200).body("id", equalTo(statement.toString()));
        for (String stranger : List.of(TestTokens.coordinator("MQ"),
                TestTokens.mediatorAt("MF", UUID.randomUUID().toString()), TestTokens.of("partner", "MF"),
                TestTokens.of("analyst", "MF"))) {
            for (String tail : List.of("", "/csv", "/pdf")) {
                as(stranger).get(path(tail)).then().statusCode(403).contentType("application/problem+json");
            }
        }
        // a mediator asking by actor and month for another actor: 403 whether or not that actor has a statement
        for (String month : List.of("2026-03", "2026-04")) {
            as(TestTokens.mediatorAt("MF", UUID.randomUUID().toString())).get("/api/vouchers/statements?actorId="
                    + actor + "&month=" + month).then().statusCode(403).contentType("application/problem+json");
        }
        as(TestTokens.mediatorAt("MF", UUID.randomUUID().toString())).get("/api/vouchers/statements/by-actor/"
                + actor).then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.of("partner", "MF")).get("/api/vouchers/statements/by-actor/" + actor).then().statusCode(403);
        // a coordinator of another territory lists none of them
        as(TestTokens.coordinator("MQ")).get("/api/vouchers/statements/by-actor/" + actor).then().statusCode(200)
                .body("statements", org.hamcrest.Matchers.empty());
        given().get(path("")).then().statusCode(401);
    }

    @Test
    void theCsvOpensInAFrenchSpreadsheet() {
        byte[] csv = as(TestTokens.coordinator("MF")).get(path("/csv")).then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "releve-2026-03-" + actor + ".csv")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + StatementCsv.HEADER + "\r\n");
        List<String> records = List.of(text.substring(1).split("\r\n"));
        assertThat(records).hasSize(4);
        String prefix = statement + ";" + actor + ";MF;2026-03;";
        assertThat(records.get(1)).startsWith(prefix).endsWith(";2026-03-03;12,34");
        assertThat(records.get(2)).startsWith(prefix).endsWith(";2026-03-31;12,34");
        assertThat(records.get(3)).isEqualTo(prefix + "TOTAL;;;24,68");
        assertThat(records).allMatch(r -> r.split(";", -1).length == 8);
    }

    @Test
    void thePdfNamesTheActorTheMonthEachPassAndTheTotal() throws IOException {
        byte[] pdf = as(TestTokens.hubAdmin()).get(path("/pdf")).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Relevé mensuel des pass APTIC").contains(actor.toString())
                    .contains("Mois : 2026-03").contains("03/03/2026").contains("31/03/2026")
                    .contains("12,34 €").contains("Total dû (2 pass)").contains("24,68 €");
        }
    }

    @Test
    void aHubAdminMarksItPaidOncePerReference() {
        String body = "{\"paymentReference\": \"VIR-MF-2026-04-0001\"}";
        as(TestTokens.mediatorAt("MF", actor.toString())).body(body).post(path("/payment")).then().statusCode(403);
        as(TestTokens.coordinator("MF")).body(body).post(path("/payment")).then().statusCode(403);
        as(TestTokens.hubAdmin()).body(body).post(path("/payment")).then().statusCode(200)
                .body("status", equalTo("paid")).body("paymentReference", equalTo("VIR-MF-2026-04-0001"))
                .body("version", equalTo(2));
        as(TestTokens.hubAdmin()).body(body).post(path("/payment")).then().statusCode(200)
                .body("status", equalTo("paid")).body("version", equalTo(2));
        as(TestTokens.hubAdmin()).body("{\"paymentReference\": \"VIR-OTHER\"}").post(path("/payment")).then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("statement-already-paid"));
        as(TestTokens.hubAdmin()).get(path("")).then().statusCode(200)
                .body("paymentReference", equalTo("VIR-MF-2026-04-0001"));
        try (PDDocument document = Loader.loadPDF(as(TestTokens.hubAdmin()).get(path("/pdf")).asByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Payé, référence VIR-MF-2026-04-0001");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badInputIsA4xxProblem() {
        String admin = TestTokens.hubAdmin();
        as(admin).body("{\"paymentReference\": \" \"}").post(path("/payment")).then().statusCode(400)
                .contentType("application/problem+json");
        as(admin).body("{\"paymentReference\": \"" + "x".repeat(121) + "\"}").post(path("/payment")).then()
                .statusCode(400).contentType("application/problem+json");
        as(admin).post(path("/payment")).then().statusCode(400).contentType("application/problem+json");
        as(admin).body("{\"paymentReference\": \"VIR-1\"}").post("/api/vouchers/statements/" + UUID.randomUUID()
                + "/payment").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("statement-not-found"));
        for (String tail : List.of("", "/csv", "/pdf")) {
            as(admin).get("/api/vouchers/statements/" + UUID.randomUUID() + tail).then().statusCode(404)
                    .contentType("application/problem+json");
            as(admin).get("/api/vouchers/statements/not-an-id" + tail).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as(admin).get("/api/vouchers/statements/by-actor/not-an-id").then().statusCode(400)
                .contentType("application/problem+json");
        for (String query : List.of("actorId=" + actor, "month=2026-03", "actorId=" + actor + "&month=2026-13",
                "actorId=" + actor + "&month=03-2026", "actorId=nope&month=2026-03")) {
            as(admin).get("/api/vouchers/statements?" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
