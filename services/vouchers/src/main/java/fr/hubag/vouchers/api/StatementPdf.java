package fr.hubag.vouchers.api;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.vouchers.domain.Euros;
import fr.hubag.vouchers.domain.StatementState;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/**
 * A statement as a PDF an actor files or prints (OpenPDF): the actor, the month, one row per pass redeemed (date,
 * pass, order, amount) and the amount due. In French, amounts as {@code 10,00 €} from cents.
 */
public final class StatementPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private StatementPdf() {}

    public static byte[] of(StatementState.Issued s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle("Relevé APTIC " + s.month() + " " + s.actorId());
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font text = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        document.add(new Paragraph("Relevé mensuel des pass APTIC", title));
        document.add(new Paragraph("Acteur : " + s.actorId() + " (" + s.territory().name() + ")", text));
        document.add(new Paragraph("Mois : " + s.month() + " (heure locale du territoire)", text));
        document.add(new Paragraph("Relevé : " + s.statementId() + ", émis le "
                + DAY.format(s.issuedAt().atZone(s.territory().zone())), text));
        document.add(new Paragraph(" ", text));
        PdfPTable table = new PdfPTable(new float[] {2, 5, 5, 2});
        table.setWidthPercentage(100);
        for (String head : new String[] {"Date", "Pass", "Commande", "Montant"}) {
            table.addCell(new PdfPCell(new Phrase(head, bold)));
        }
        for (StatementLine line : s.lines()) {
            table.addCell(new Phrase(DAY.format(line.redeemedOn()), text));
            table.addCell(new Phrase(line.passId().toString(), text));
            table.addCell(new Phrase(line.orderId().toString(), text));
            table.addCell(amount(line.faceValueCents(), text));
        }
        PdfPCell label = new PdfPCell(new Phrase("Total dû (" + s.lines().size() + " pass)", bold));
        label.setColspan(3);
        table.addCell(label);
        table.addCell(amount(s.totalCents(), bold));
        document.add(table);
        if (s.paid()) {
            document.add(new Paragraph("Payé, référence " + s.paymentReference(), text));
        }
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell amount(long cents, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(Euros.french(cents) + " €", font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
