package fr.hubag.testing;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/**
 * The service's {@code /q/metrics} in Prometheus text format, for asserting that the kernel's measures are there
 * (docs/observability.md). Series appear on first use, so {@link #await} polls.
 */
public final class Metrics {

    private Metrics() {}

    public static String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Scrapes until {@code done} holds (10 s at most), and returns the last scrape. */
    public static String await(Predicate<String> done) {
        long deadline = System.currentTimeMillis() + 10_000;
        String scrape = scrape();
        while (!done.test(scrape) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            scrape = scrape();
        }
        return scrape;
    }

    /**
     * The value of the first series of {@code name} carrying every {@code label, value} pair given, if the scrape
     * has one (NaN counts as present).
     */
    public static OptionalDouble value(String scrape, String name, String... labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> {
                    String series = line.substring(0, line.lastIndexOf(' '));
                    for (int i = 0; i + 1 < labels.length; i += 2) {
                        if (!series.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                            return false;
                        }
                    }
                    return true;
                })
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    public static boolean has(String scrape, String name, String... labels) {
        return value(scrape, name, labels).isPresent();
    }

    /** The names of {@code names} that the scrape lacks (with those labels), for a readable assertion. */
    public static java.util.List<String> missing(String scrape, String[] names, String... labels) {
        return Arrays.stream(names).filter(name -> !has(scrape, name, labels)).toList();
    }
}
