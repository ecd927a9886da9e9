package fr.hubag.vouchers.api;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import com.lowagie.text.pdf.PdfContentByte;
import fr.hubag.vouchers.domain.PassCode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    /**
     * The modules of the code's QR symbol, without the quiet zone: ZXing's choice of mask, or the next mask that ZXing's
     * own reader reads back. About one symbol in 400 has, in its data, a run of modules its finder takes for one of the
     * three corner squares, and is then unreadable by ZXing-based scanners (web scanners among them) however well it
     * is printed; another mask pattern gives the same code another look.
     */
    static ByteMatrix matrix(PassCode code) {
        try {
            QRCode chosen = Encoder.encode(code.value(), CORRECTION);
            if (readsBack(chosen.getMatrix(), code)) {
                return chosen.getMatrix();
            }
            for (int mask = 0; mask < QRCode.NUM_MASK_PATTERNS; mask++) {
                if (mask != chosen.getMaskPattern()) {
                    ByteMatrix other = Encoder.encode(code.value(), CORRECTION,
                            Map.of(EncodeHintType.QR_MASK_PATTERN, mask)).getMatrix();
                    if (readsBack(other, code)) {
                        return other;
                    }
                }
            }
            return chosen.getMatrix();
        } catch (WriterException e) {
            throw new IllegalStateException("a pass code always fits a version 1 QR symbol", e);
        }
    }

    /** Whether ZXing's reader, with and without trying harder, reads the symbol drawn sharp at 4 pixels a module. */
    private static boolean readsBack(ByteMatrix matrix, PassCode code) {
        int scale = 4;
        int side = widthInModules(matrix) * scale;
        byte[] pixels = new byte[side * side];
        Arrays.fill(pixels, (byte) 0xFF);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    for (int dy = 0; dy < scale; dy++) {
                        int row = ((y + QUIET_ZONE) * scale + dy) * side + (x + QUIET_ZONE) * scale;
                        Arrays.fill(pixels, row, row + scale, (byte) 0);
                    }
                }
            }
        }
        LuminanceSource image = new PlanarYUVLuminanceSource(pixels, side, side, 0, 0, side, side, false);
        for (Map<DecodeHintType, ?> hints : List.of(Map.<DecodeHintType, Object>of(),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))) {
            try {
                if (!new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(image)), hints).getText()
                        .equals(code.value())) {
                    return false;
                }
            } catch (ReaderException unreadable) {
                return false;
            }
        }
        return true;
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
