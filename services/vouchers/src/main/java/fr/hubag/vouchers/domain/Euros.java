package fr.hubag.vouchers.domain;

/**
 * Amounts in cents written in euros for people, as French accounting reads them: two decimals after a comma
 * ({@code 1234,50}), from integer arithmetic — never through a floating-point number, which would round some cents.
 */
public final class Euros {

    private Euros() {}

    public static String french(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return sign + (abs / 100) + "," + (abs % 100 < 10 ? "0" : "") + (abs % 100);
    }
}
