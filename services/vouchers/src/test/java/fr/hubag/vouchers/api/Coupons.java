package fr.hubag.vouchers.api;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A booklet's PDF read back as a printer and a phone would: each page rendered, each coupon cut out where the dashed
 * lines are and its QR code scanned by ZXing; and every glyph's place, to check that nothing spills off its coupon.
 */
final class Coupons {

    /** Half a 300 dpi office printer's resolution: a module of 3.4 pt is 7 pixels, as a phone sees it. */
    static final int DPI = 150;
    static final int CLOSER_DPI = 200;

    private Coupons() {}

    /**
     * The text of each coupon's QR code, page by page, coupon by coupon, as a phone scans: the whole coupon in the
     * frame first, then closer, the symbol and its quiet zone only; at 150 dpi, then at 200 dpi (another frame). ZXing
     * reads version 1 symbols (no alignment pattern) a little less surely when letters stand next to them: about one
     * in a thousand needs a second frame, never the same at both scales.
     */
    static List<String> scan(PDDocument document, int coupons) throws IOException {
        PDFRenderer renderer = new PDFRenderer(document);
        List<String> scanned = new ArrayList<>();
        for (int page = 0; page < document.getNumberOfPages(); page++) {
            BufferedImage image = renderer.renderImageWithDPI(page, DPI, ImageType.GRAY);
            BufferedImage closer = null;
            for (int i = 0; i < BookletPdf.passesPerPage() && scanned.size() < coupons; i++) {
                String text = scan(image, DPI, i);
                if (text == null) {
                    closer = closer != null ? closer : renderer.renderImageWithDPI(page, CLOSER_DPI, ImageType.GRAY);
                    text = scan(closer, CLOSER_DPI, i);
                }
                if (text == null) {
                    throw new AssertionError("no readable QR code on coupon " + i + " of page " + (page + 1));
                }
                scanned.add(text);
            }
        }
        return scanned;
    }

    /** The QR code of the coupon at {@code index} on the page, the coupon framed, then the symbol; or null. */
    static String scan(BufferedImage page, int dpi, int index) {
        float side = (21 + 2 * QrSquares.QUIET_ZONE) * BookletPdf.MODULE;
        String text = scan(page, dpi, BookletPdf.cellLeft(index), BookletPdf.cellTop(index), BookletPdf.cellWidth(),
                BookletPdf.cellHeight());
        return text != null ? text
                : scan(page, dpi, BookletPdf.qrLeft(index), BookletPdf.qrTop(index), side, side);
    }

    /** What ZXing reads in the rectangle (PDF points, top-left corner) of the page rendered at {@code dpi}. */
    private static String scan(BufferedImage page, int dpi, float left, float top, float width, float height) {
        double scale = dpi / 72.0;
        int x = (int) Math.floor(left * scale);
        int y = (int) Math.floor((BookletPdf.PAGE.getHeight() - top) * scale);
        BufferedImage framed = page.getSubimage(x, y, Math.min((int) (width * scale), page.getWidth() - x),
                Math.min((int) (height * scale), page.getHeight() - y));
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(framed))), Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        }
    }

    /** The characters drawn outside the page header and outside every coupon's inner box. */
    static List<String> spilled(PDDocument document) throws IOException {
        List<String> spilled = new ArrayList<>();
        float gridTop = BookletPdf.PAGE.getHeight() - BookletPdf.MARGIN - BookletPdf.HEADER;
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition glyph : positions) {
                    float left = glyph.getXDirAdj();
                    float right = left + glyph.getWidthDirAdj();
                    float baseline = BookletPdf.PAGE.getHeight() - glyph.getYDirAdj();
                    boolean header = baseline > gridTop && left >= BookletPdf.MARGIN
                            && right <= BookletPdf.PAGE.getWidth() - BookletPdf.MARGIN;
                    if (!header && !inACoupon(left, right, baseline)) {
                        spilled.add(glyph.getUnicode() + " in '" + text + "'");
                    }
                }
            }
        };
        stripper.getText(document);
        return spilled;
    }

    private static boolean inACoupon(float left, float right, float baseline) {
        for (int i = 0; i < BookletPdf.passesPerPage(); i++) {
            float cellLeft = BookletPdf.cellLeft(i) + BookletPdf.PADDING / 2;
            float cellRight = BookletPdf.cellLeft(i) + BookletPdf.cellWidth() - BookletPdf.PADDING / 2;
            float top = BookletPdf.cellTop(i) - BookletPdf.PADDING;
            float bottom = BookletPdf.cellTop(i) - BookletPdf.cellHeight();
            if (left >= cellLeft && right <= cellRight && baseline <= top && baseline >= bottom) {
                return true;
            }
        }
        return false;
    }
}
