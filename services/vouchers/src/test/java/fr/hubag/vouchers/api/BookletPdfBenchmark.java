package fr.hubag.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.vouchers.application.OrderCommands.PrintableBooklet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long a 100-pass booklet (10 pages, 100 QR codes) takes to draw, written to a stream that only counts bytes as
 * the HTTP response would take them: prints p50, p99 and max over {@code hub.bench.booklets} renderings (500) after a
 * warm-up, and the PDF's size. Run: {@code ./mvnw -o -q verify -pl services/vouchers -am -Dtest=BookletPdfBenchmark
 * -Dhub.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BookletPdfBenchmark {

    @Test
    void drawsAHundredPassBooklet() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int runs = Integer.getInteger("hub.bench.booklets", 500);
        PrintableBooklet booklet = BookletPdfLayoutTest.booklet(100, "caf-972", List.of(Territory.MQ),
                List.of("97209", "97213"), 1000);
        for (int i = 0; i < 50; i++) {
            BookletPdf.write(booklet, new Counting());
        }
        long[] nanos = new long[runs];
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            Counting out = new Counting();
            long start = System.nanoTime();
            BookletPdf.write(booklet, out);
            nanos[i] = System.nanoTime() - start;
            bytes = out.count;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%nBOOKLET PDF BENCHMARK: 100 passes, 10 pages, %,d bytes; %d renderings: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n%n", bytes, runs, nanos[runs / 2] / 1e6,
                nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6);
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) { count++; }

        @Override
        public void write(byte[] b, int off, int len) { count += len; }
    }
}
