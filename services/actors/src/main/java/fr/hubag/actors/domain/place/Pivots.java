package fr.hubag.actors.domain.place;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a {@code pivot} is: the identifier that links a place to the national registers (SIRENE, or the RNA for
 * associations without a SIRET). Checking the Luhn key catches most typos before they break the link to
 * data.inclusion and the national map.
 */
public final class Pivots {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PLACEHOLDER = Pattern.compile("0{9,14}");
    private static final Pattern RNA = Pattern.compile("W(\\d{9}|\\d[A-Z]\\d{7}|\\d{2}[A-Z]\\d{6})");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0]");
    private static final Pattern STARTS_WITH_W = Pattern.compile("[Ww].*");

    /** La Poste's SIREN: its establishments' SIRETs follow their own key (digit sum a multiple of 5). */
    private static final String LA_POSTE_SIREN = "356000000";

    public enum Kind { SIRET, SIREN, RNA, PLACEHOLDER }

    public sealed interface Classification {}

    /** {@code value} is the pivot as it should be stored (spaces removed, RNA in upper case). */
    public record Recognised(Kind kind, String value) implements Classification {}

    public record Invalid(String reason) implements Classification {}

    private Pivots() {}

    public static Classification classify(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Invalid("the pivot is empty");
        }
        String value = SPACE.matcher(raw.strip()).replaceAll("");
        if (STARTS_WITH_W.matcher(value).matches()) {
            return rna(value.toUpperCase(Locale.ROOT), raw.strip());
        }
        if (!DIGITS.matcher(value).matches()) {
            return new Invalid("'" + raw.strip() + "' is not a pivot: a SIRET (14 digits), a SIREN (9 digits) or an"
                    + " RNA number (W and 9 characters) expected");
        }
        if (PLACEHOLDER.matcher(value).matches()) {
            return new Recognised(Kind.PLACEHOLDER, value);
        }
        return switch (value.length()) {
            case 14 -> luhn(value) || laPoste(value)
                    ? new Recognised(Kind.SIRET, value)
                    : new Invalid("SIRET " + value + " fails its check digit (Luhn key): a digit is wrong or two "
                            + "are swapped");
            case 9 -> luhn(value)
                    ? new Recognised(Kind.SIREN, value)
                    : new Invalid("SIREN " + value + " fails its check digit (Luhn key): a digit is wrong or two "
                            + "are swapped");
            default -> new Invalid("'" + value + "' has " + value.length() + " digits: a SIRET has 14, a SIREN 9");
        };
    }

    /** W, then 9 digits of which the 2nd or 3rd may be a letter (2A/2B Corsica, 9M... overseas prefectures). */
    private static Classification rna(String value, String raw) {
        if (RNA.matcher(value).matches()) {
            return new Recognised(Kind.RNA, value);
        }
        return new Invalid("'" + raw + "' is not an RNA number: W followed by 9 digits (one letter allowed in the "
                + "2nd or 3rd place, e.g. W9M2001234 or W972001234)");
    }

    /** The Luhn key of SIREN and SIRET numbers. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static boolean laPoste(String siret) {
        return siret.startsWith(LA_POSTE_SIREN) && siret.chars().map(c -> c - '0').sum() % 5 == 0;
    }
}
