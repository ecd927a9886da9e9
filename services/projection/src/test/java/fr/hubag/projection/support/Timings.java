package fr.hubag.projection.support;

import java.util.ArrayList;
import java.util.List;

/** The opt-in benchmarks' timings: a call made a number of times, and its percentiles printed. */
public final class Timings {

    public static final int SAMPLES = Integer.getInteger("hub.bench.samples", 50);

    private Timings() {}

    /** The call's durations in milliseconds, {@link #SAMPLES} of them, sorted. */
    public static List<Double> time(Runnable call) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        return millis;
    }

    public static void report(String what, List<Double> millis) {
        System.out.printf("[bench] %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)%n", what,
                millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)), millis.getLast(),
                millis.size());
    }
}
