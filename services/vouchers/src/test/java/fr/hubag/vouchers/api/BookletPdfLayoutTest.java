package fr.hubag.vouchers.api;

import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.domain.Territory;
import fr.hubag.vouchers.application.OrderCommands.CodedPass;
import fr.hubag.vouchers.application.OrderCommands.PrintableBooklet;
import fr.hubag.vouchers.domain.PassCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booklet's layout at its limits, without the service: the longest funder id, the largest face value, four
 * territories and 200 communes, a last page not full — nothing spills off a coupon and every QR code still scans.
 */
class BookletPdfLayoutTest {

    @Test
    void theLongestTermsStayOnTheirCouponAndEveryQrCodeScans() throws IOException {
        PrintableBooklet booklet = booklet(23, "f".repeat(128), List.of(Territory.values()),
                IntStream.range(0, 200).mapToObj(i -> "972" + String.format("%02d", i)).toList(), 100_000);
        byte[] pdf = render(booklet);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/booklet-layout-sample.pdf"), pdf); // fixture codes only: to look at the layout

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("1 000,00 €", "Périmètre : Guadeloupe, Guyane, Martinique,",
                    "Saint-Martin — 200 communes", "Financeur : fff", "…", "Carnet 7 — pass 23 sur 23", "Page 3 sur 3");
            assertThat(Coupons.spilled(document)).isEmpty();
            assertThat(Coupons.scan(document, 23)).containsExactlyElementsOf(
                    booklet.passes().stream().map(p -> p.code().value()).toList());
        }
    }

    @Test
    void aFewCommunesArePrintedInFullOnTwoLines() throws IOException {
        PrintableBooklet booklet = booklet(1, "caf-973", List.of(Territory.GF, Territory.MQ),
                List.of("97302", "97307", "97209", "97213", "97229", "97224"), 1250);
        try (PDDocument document = Loader.loadPDF(render(booklet))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Périmètre : Guyane, Martinique — ",
                    "97224", "12,50 €", "Financeur : caf-973");
            assertThat(Coupons.spilled(document)).isEmpty();
        }
    }

    @Test
    void bookletsDrawnAtOnceShareTheFontsButNothingElse() throws Exception {
        List<PrintableBooklet> booklets = IntStream.range(0, 8).mapToObj(i -> booklet(10 + i, "caf-" + i,
                List.of(Territory.MQ), List.of(), 1000)).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<byte[]>> pdfs = booklets.stream().map(b -> threads.submit(() -> render(b))).toList();
            for (int i = 0; i < booklets.size(); i++) {
                try (PDDocument document = Loader.loadPDF(pdfs.get(i).get())) {
                    assertThat(new PDFTextStripper().getText(document)).contains("Financeur : caf-" + i)
                            .contains(booklets.get(i).passes().stream().map(p -> p.code().grouped()).toList());
                }
            }
        }
    }

    @Test
    void eurosAreWrittenTheFrenchWay() {
        assertThat(BookletPdf.euros(5)).isEqualTo("0,05 €");
        assertThat(BookletPdf.euros(1000)).isEqualTo("10,00 €");
        assertThat(BookletPdf.euros(123_456)).isEqualTo("1 234,56 €");
        assertThat(BookletPdf.euros(100_000_000)).isEqualTo("1 000 000,00 €");
    }

    static byte[] render(PrintableBooklet booklet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BookletPdf.write(booklet, out);
        return out.toByteArray();
    }

    /** A booklet of an order quoted today with random codes (fixtures: no key, nothing stored). */
    static PrintableBooklet booklet(int passes, String funder, List<Territory> territories, List<String> communes,
                                    long faceValueCents) {
        Random random = new Random(passes);
        LocalDate validUntil = LocalDate.of(2026, 12, 31);
        OrderQuoted quote = new OrderQuoted(UUID.randomUUID(), funder, territories.get(0),
                new Perimeter(territories, communes), 7, passes, faceValueCents, 7 * passes * faceValueCents, 400,
                0, 0, validUntil, validUntil.plusMonths(1), null, List.of(), Instant.now());
        return new PrintableBooklet(quote, 7, IntStream.range(0, passes)
                .mapToObj(i -> new CodedPass(UUID.randomUUID(), PassCode.draw(random))).toList());
    }
}
