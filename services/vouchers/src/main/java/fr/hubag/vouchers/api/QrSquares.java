package fr.hubag.vouchers.api;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.lowagie.text.pdf.PdfContentByte;
import fr.hubag.vouchers.domain.PassCode;

/**
 * A pass's QR code drawn as filled squares in the PDF, not as a bitmap: vector squares stay sharp on any printer and
 * in any viewer (a scaled-up bitmap of 21 pixels gets smoothed by some viewers into grey blurs a phone misreads).
 * ZXing computes the matrix. The QR holds the normalised code alone — 15 characters of QR's alphanumeric set, so
 * version 1 (21 × 21 modules) with error correction Q (a quarter of the symbol may be stained or folded away).
 */
final class QrSquares {

    /** The light margin a reader needs around the symbol, in modules (ISO/IEC 18004). */
    static final int QUIET_ZONE = 4;
    static final ErrorCorrectionLevel CORRECTION = ErrorCorrectionLevel.Q;
    /** Rows overlap by this much (points) so that no viewer shows hairline seams between them. */
    private static final float SEAM = 0.05f;

    private QrSquares() {}

    /** The modules of the code's QR symbol, without the quiet zone. */
    static ByteMatrix matrix(PassCode code) {
        try {
            return Encoder.encode(code.value(), CORRECTION).getMatrix();
        } catch (WriterException e) {
            throw new IllegalStateException("a pass code always fits a version 1 QR symbol", e);
        }
    }

    /** The symbol's width including its quiet zone, in modules. */
    static int widthInModules(ByteMatrix matrix) {
        return matrix.getWidth() + 2 * QUIET_ZONE;
    }

    /**
     * Fills the dark modules of {@code matrix} with the symbol's top-left corner (quiet zone included) at
     * ({@code left}, {@code top}), each module {@code module} points wide; each row's runs of dark modules are one
     * rectangle, so a symbol is about a hundred rectangles filled at once.
     */
    static void draw(PdfContentByte canvas, ByteMatrix matrix, float left, float top, float module) {
        canvas.saveState();
        canvas.setGrayFill(0f);
        float x0 = left + QUIET_ZONE * module;
        float y0 = top - QUIET_ZONE * module;
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                    x++;
                }
                canvas.rectangle(x0 + start * module, y0 - (y + 1) * module - SEAM, (x - start) * module,
                        module + SEAM);
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
