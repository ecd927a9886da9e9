package fr.hubag.vouchers.api;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.domain.Territory;
import fr.hubag.vouchers.application.OrderCommands.CodedPass;
import fr.hubag.vouchers.application.OrderCommands.PrintableBooklet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A booklet's passes as A4 cut-out coupons, ten a page (two columns of five, dashed cut lines): each coupon is
 * complete on its own once cut — face value, validity end and the one-month tolerance, funder, perimeter, order and
 * booklet — because a person carries one coupon, not the booklet. Its code is printed {@code XXXX-XXXX-XXXX-XXX} in
 * Courier Bold (a monospaced face: every character the same width, easy to copy out) and drawn as a QR code holding
 * the normalised code alone. French on paper: the people given a pass read French. Written page by page to the
 * stream as it is drawn, with the standard PDF fonts (nothing embedded: a 100-pass booklet is a few dozen kilobytes).
 * Nothing here logs: the codes are in clear.
 */
final class BookletPdf {

    static final Rectangle PAGE = PageSize.A4;
    static final int COLUMNS = 2;
    static final int ROWS = 5;
    static final float MARGIN = 28f;
    static final float HEADER = 34f;
    static final float PADDING = 8f;
    /** One QR module: 3.4 pt, a symbol of 21 modules is 2.5 cm wide, read by any phone at arm's length. */
    static final float MODULE = 3.4f;

    private static final BaseFont SANS = font(BaseFont.HELVETICA);
    private static final BaseFont SANS_BOLD = font(BaseFont.HELVETICA_BOLD);
    private static final BaseFont MONO_BOLD = font(BaseFont.COURIER_BOLD);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private BookletPdf() {}

    static int passesPerPage() {
        return COLUMNS * ROWS;
    }

    static float cellWidth() {
        return (PAGE.getWidth() - 2 * MARGIN) / COLUMNS;
    }

    static float cellHeight() {
        return (PAGE.getHeight() - 2 * MARGIN - HEADER) / ROWS;
    }

    /** The left edge of the coupon at {@code index} on its page (row by row, from the top left). */
    static float cellLeft(int index) {
        return MARGIN + (index % COLUMNS) * cellWidth();
    }

    /** The top edge of the coupon at {@code index} on its page, in PDF coordinates (from the bottom). */
    static float cellTop(int index) {
        return PAGE.getHeight() - MARGIN - HEADER - (index / COLUMNS) * cellHeight();
    }

    /** The left edge of the QR code's quiet zone on the coupon at {@code index}: half of it in the padding. */
    static float qrLeft(int index) {
        return cellLeft(index) + PADDING - QrSquares.QUIET_ZONE * MODULE / 2;
    }

    /** The top edge of the QR code's quiet zone on the coupon at {@code index}, below the coupon's title. */
    static float qrTop(int index) {
        return cellTop(index) - PADDING - 16;
    }

    /** Writes the booklet to {@code out}, leaving {@code out} open (the HTTP layer closes it). */
    static void write(PrintableBooklet booklet, OutputStream out) throws IOException {
        OrderQuoted quote = booklet.quote();
        List<CodedPass> passes = booklet.passes();
        int pages = Math.max(1, (passes.size() + passesPerPage() - 1) / passesPerPage());
        Document document = new Document(PAGE, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        document.addTitle("Pass numérique APTIC — commande " + quote.orderId() + ", carnet " + booklet.booklet());
        document.addCreator("Hub Antilles-Guyane");
        document.open();
        PdfContentByte canvas = writer.getDirectContent();
        Terms terms = Terms.of(quote);
        for (int page = 0; page < pages; page++) {
            if (page > 0) {
                document.newPage();
            }
            header(canvas, quote, booklet.booklet(), page + 1, pages);
            int first = page * passesPerPage();
            for (int i = first; i < Math.min(passes.size(), first + passesPerPage()); i++) {
                coupon(canvas, i - first, passes.get(i), i + 1, passes.size(), booklet.booklet(), quote, terms);
            }
            cutLines(canvas, Math.min(passesPerPage(), passes.size() - first));
        }
        document.close();
    }

    /** What every coupon of the order says besides its code, worked out once per booklet. */
    private record Terms(String faceValue, String validUntil, String acceptedUntil, String funder, String perimeter,
                         String perimeterShort) {

        static Terms of(OrderQuoted quote) {
            String territories = quote.perimeter().territories().stream().map(Territory::label)
                    .collect(Collectors.joining(", "));
            List<String> communes = quote.perimeter().communes();
            String perimeter = "Périmètre : " + territories
                    + (communes.isEmpty() ? "" : " — communes " + String.join(", ", communes));
            String perimeterShort = "Périmètre : " + territories
                    + (communes.isEmpty() ? "" : " — " + communes.size() + " communes");
            return new Terms(euros(quote.faceValueCents()), "Valable jusqu'au " + day(quote.validUntil()),
                    "Accepté jusqu'au " + day(quote.acceptedUntil()) + " (tolérance)",
                    "Financeur : " + quote.funderId(), perimeter, perimeterShort);
        }
    }

    private static void header(PdfContentByte canvas, OrderQuoted quote, int booklet, int page, int pages) {
        float top = PAGE.getHeight() - MARGIN;
        float width = PAGE.getWidth() - 2 * MARGIN;
        text(canvas, SANS_BOLD, 9, MARGIN, top - 10, fit("Pass numérique APTIC — carnet " + booklet + " sur "
                + quote.booklets() + " — commande " + quote.orderId(), SANS_BOLD, 9, width));
        text(canvas, SANS, 7.5f, MARGIN, top - 22, fit("Page " + page + " sur " + pages + " — découper selon les "
                + "pointillés ; le QR code contient le code du pass, rien d'autre — financeur : " + quote.funderId(),
                SANS, 7.5f, width));
    }

    private static void coupon(PdfContentByte canvas, int index, CodedPass pass, int number, int count,
                               int booklet, OrderQuoted quote, Terms terms) {
        float left = cellLeft(index) + PADDING;
        float top = cellTop(index) - PADDING;
        float right = cellLeft(index) + cellWidth() - PADDING;
        float bottom = cellTop(index) - cellHeight() + PADDING;

        text(canvas, SANS_BOLD, 10, left, top - 10, "Pass numérique APTIC");
        textRight(canvas, SANS_BOLD, 16, right, top - 13, terms.faceValue());

        ByteMatrix matrix = QrSquares.matrix(pass.code());
        float qrTop = qrTop(index);
        QrSquares.draw(canvas, matrix, qrLeft(index), qrTop, MODULE);

        float column = qrLeft(index) + QrSquares.widthInModules(matrix) * MODULE;
        float width = right - column;
        float line = qrTop - 12;
        List<String> details = new ArrayList<>(List.of(terms.validUntil(), terms.acceptedUntil(), terms.funder()));
        details.addAll(wrap(terms.perimeter(), SANS, 7.5f, width, 2)
                .or(() -> wrap(terms.perimeterShort(), SANS, 7.5f, width, 2))
                .orElse(List.of(terms.perimeterShort())));
        details.addAll(List.of("Carnet " + booklet + " — pass " + number + " sur " + count, "Commande"));
        for (String detail : details) {
            text(canvas, SANS, 7.5f, column, line, fit(detail, SANS, 7.5f, width));
            line -= 10;
        }
        text(canvas, SANS, 6.5f, column, line, fit(quote.orderId().toString(), SANS, 6.5f, width));

        String code = pass.code().grouped();
        float codeWidth = MONO_BOLD.getWidthPoint(code, 15);
        text(canvas, MONO_BOLD, 15, left + (right - left - codeWidth) / 2, bottom + 2, code);
    }

    /** Dashed lines around each coupon of the page, where the scissors go. */
    private static void cutLines(PdfContentByte canvas, int coupons) {
        canvas.saveState();
        canvas.setLineWidth(0.5f);
        canvas.setGrayStroke(0.55f);
        canvas.setLineDash(3f, 3f, 0f);
        for (int i = 0; i < coupons; i++) {
            canvas.rectangle(cellLeft(i), cellTop(i) - cellHeight(), cellWidth(), cellHeight());
        }
        canvas.stroke();
        canvas.restoreState();
    }

    private static void text(PdfContentByte canvas, BaseFont font, float size, float x, float y, String text) {
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setTextMatrix(x, y);
        canvas.showText(text);
        canvas.endText();
    }

    private static void textRight(PdfContentByte canvas, BaseFont font, float size, float right, float y,
                                  String text) {
        text(canvas, font, size, right - font.getWidthPoint(text, size), y, text);
    }

    private static boolean fits(String text, BaseFont font, float size, float width) {
        return font.getWidthPoint(text, size) <= width;
    }

    /** The text broken at spaces into lines no wider than {@code width}, if {@code maxLines} are enough. */
    static Optional<List<String>> wrap(String text, BaseFont font, float size, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (fits(longer, font, size, width) || line.isEmpty()) {
                line = longer;
            } else {
                lines.add(line);
                line = word;
            }
        }
        lines.add(line);
        boolean fit = lines.size() <= maxLines && lines.stream().allMatch(l -> fits(l, font, size, width));
        return fit ? Optional.of(lines) : Optional.empty();
    }

    /** The text, cut with an ellipsis if it is wider than {@code width}. */
    static String fit(String text, BaseFont font, float size, float width) {
        if (fits(text, font, size, width)) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && !fits(cut + "…", font, size, width)) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Cents as French print them: 1 234,50 €. */
    static String euros(long cents) {
        String units = Long.toString(cents / 100);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < units.length(); i++) {
            if (i > 0 && (units.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(units.charAt(i));
        }
        return grouped + "," + String.format("%02d", cents % 100) + " €";
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }

    private static BaseFont font(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new IllegalStateException("the standard PDF font " + name + " is built into OpenPDF", e);
        }
    }
}
