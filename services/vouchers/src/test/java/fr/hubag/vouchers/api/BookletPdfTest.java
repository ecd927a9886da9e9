package fr.hubag.vouchers.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.vouchers.domain.PassCode;
import fr.hubag.vouchers.infra.Census;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.booklet;
import static fr.hubag.vouchers.api.VouchersTestSupport.codes;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.redemption;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A funder downloads a booklet's PDF and reads it back as its printer and a mediator's phone would: PDFBox finds every
 * code printed XXXX-XXXX-XXXX-XXX with the order's terms, renders each page, and ZXing scans each coupon's QR code
 * to a code of the booklet that the redemption endpoint accepts — one of them is redeemed. Only the order's funder
 * and hub admins get it, as for the booklet's codes in JSON.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class BookletPdfTest {

    @Inject
    Census census;

    @Test
    void aHundredPassBookletPrintsEachCodeAsTextAndAsAQrCodeThatRedeems() throws IOException {
        String caf = unique("caf-972");
        String ccas = unique("ccas-lamentin");
        String funder = partner(caf, "MQ");
        String orderId = quote(funder, """
                {"perimeter": {"territories": ["MQ"], "communes": ["97209", "97213"]}, "booklets": 2,
                 "passesPerBooklet": 100, "faceValueCents": 1250, "distributors": ["%s"]}""".formatted(ccas));
        activate(funder, orderId);
        List<String> codes = codes(funder, orderId, 2);

        Logged logged = Logged.start();
        long start = System.nanoTime();
        Response download = as(funder).accept("application/pdf").get(pdf(orderId, 2));
        byte[] bytes = download.asByteArray();
        Logger.getLogger(BookletPdfTest.class.getName()).fine("booklet downloaded");
        logged.stop();
        System.out.printf("booklet PDF: 100 passes, %d pages, %,d bytes, downloaded in %d ms%n", 10, bytes.length,
                (System.nanoTime() - start) / 1_000_000);
        download.then().statusCode(200).contentType("application/pdf").header("Cache-Control", "no-store")
                .header("Transfer-Encoding", "chunked")
                .header("Content-Disposition", equalTo("attachment; filename=\"pass-aptic-" + orderId
                        + "-carnet-2.pdf\""));

        int year = LocalDate.now(VoucherLifecycleTest.MARTINIQUE).getYear();
        List<String> scanned = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(10);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(codes).contains("12,50 €", "Valable jusqu'au 31/12/" + year,
                    "Accepté jusqu'au 31/01/" + (year + 1) + " (tolérance)", "Financeur : " + caf,
                    "Périmètre : Martinique — communes", "97213", "Carnet 2 — pass 100 sur 100", orderId,
                    "carnet 2 sur 2");
            scanned.addAll(Coupons.scan(document, codes.size()));
        }
        assertThat(scanned).containsExactlyElementsOf(codes.stream().map(c -> c.replace("-", "")).toList());
        assertThat(scanned).allMatch(c -> PassCode.read(c) instanceof PassCode.Valid);
        assertThat(logged.lines()).as("what the service logged while printing")
                .anyMatch(line -> line.endsWith("booklet downloaded"))
                .noneMatch(line -> scanned.stream().anyMatch(code -> line.contains(code)))
                .noneMatch(line -> codes.stream().anyMatch(code -> line.contains(code)));

        // a scanned code is what a mediator's form sends: it redeems
        as(funder).body(booklet(orderId, 2, UUID.randomUUID())).post("/api/vouchers/distributions").then()
                .statusCode(201);
        UUID actor = UUID.randomUUID();
        CensusFeed.registered(actor, "MQ", "97213");
        CensusFeed.aptic(actor, "MQ", LocalDate.of(2026, 1, 1), null);
        CensusFeed.awaitFacts(census, actor, f -> !f.aptic().isEmpty());
        as(TestTokens.mediatorAt("MQ", actor.toString())).body(redemption(scanned.get(41), actor))
                .post("/api/vouchers/redemptions").then().statusCode(201).body("faceValueCents", equalTo(1250));
    }

    @Test
    void onlyTheFunderAndHubAdminsDownloadIt() throws IOException {
        String caf = unique("caf-971");
        String ccas = unique("ccas-pointe-a-pitre");
        String funder = partner(caf, "GP");
        String orderId = quote(funder, VouchersTestSupport.order("\"GP\"", 2, 3, ccas));

        // quoted, not yet activated: the funder may print already, as it may read the codes
        byte[] bytes = as(funder).get(pdf(orderId, 1)).then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains(codes(funder, orderId, 1));
        }
        as(TestTokens.hubAdmin()).get(pdf(orderId, 2)).then().statusCode(200).contentType("application/pdf");

        as(partner(unique("france-travail"), "GP")).get(pdf(orderId, 1)).then().statusCode(403)
                .contentType("application/problem+json");
        as(partner(ccas, "GP")).get(pdf(orderId, 1)).then().statusCode(403);
        as(partner(caf, "MQ")).get(pdf(orderId, 1)).then().statusCode(403);
        as(TestTokens.coordinator("GP")).get(pdf(orderId, 1)).then().statusCode(403);
        as(TestTokens.mediatorAt("GP", UUID.randomUUID().toString())).get(pdf(orderId, 1)).then().statusCode(403);
        given().get(pdf(orderId, 1)).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-token").get(pdf(orderId, 1)).then().statusCode(401);

        as(funder).accept("application/json").get(pdf(orderId, 1)).then().statusCode(406)
                .contentType("application/problem+json");
        as(funder).get(pdf(orderId, 3)).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("booklet-not-found"));
        as(funder).get(pdf(orderId, 0)).then().statusCode(404).body("code", equalTo("booklet-not-found"));
        as(funder).get(pdf(UUID.randomUUID().toString(), 1)).then().statusCode(404)
                .body("code", equalTo("order-not-found"));
        as(funder).get("/api/vouchers/orders/" + orderId + "/booklets/x.pdf").then().statusCode(404)
                .contentType("application/problem+json");
        as(funder).get("/api/vouchers/orders/not-an-id/booklets/1.pdf").then().statusCode(404)
                .contentType("application/problem+json");
        // the JSON booklet is still where it was
        as(funder).get("/api/vouchers/orders/" + orderId + "/booklets/1").then().statusCode(200)
                .contentType("application/json").body("passes.code", org.hamcrest.Matchers.hasSize(3))
                .header("Cache-Control", containsString("no-store"));
    }

    /** Every log record of the service, whatever its level, while it runs: the codes must be in none. */
    private static final class Logged extends Handler {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final Level level = Logger.getLogger("").getLevel();

        static Logged start() {
            Logged logged = new Logged();
            Logger.getLogger("").setLevel(Level.ALL);
            Logger.getLogger("").addHandler(logged);
            return logged;
        }

        void stop() {
            Logger.getLogger("").removeHandler(this);
            Logger.getLogger("").setLevel(level);
        }

        List<String> lines() { return lines; }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLoggerName() + " " + new SimpleFormatter().formatMessage(record)
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static String pdf(String orderId, int booklet) {
        return "/api/vouchers/orders/" + orderId + "/booklets/" + booklet + ".pdf";
    }
}
