package fr.hubag.actors.domain.place;

import fr.hubag.domain.Territory;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Phone numbers in the standard's international form (E.164, "+596596123456"), accepting how people write them
 * (0596 12 34 56, +33 5 96 12 34 56, 00596 596 ...). A place's number must be one of its territory's: the hub's
 * numbers are how people reach a place, and a mainland or neighbour-island number is almost always a copy error.
 */
public final class PhoneNumbers {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NATIONAL_NUMBER = Pattern.compile("0\\d{9}");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\u00A0.\\-()]");

    /** The national prefixes (after the 0) of each territory, landlines then mobiles (ARCEP numbering plan). */
    private static final Map<Territory, List<String>> PREFIXES = Map.of(
            Territory.GP, List.of("590", "690", "691"),
            Territory.MF, List.of("590", "690", "691"),
            Territory.MQ, List.of("596", "696", "697"),
            Territory.GF, List.of("594", "694"));

    private static final Map<Territory, String> COUNTRY_CODES = Map.of(
            Territory.GP, "590", Territory.MF, "590", Territory.MQ, "596", Territory.GF, "594");

    /** The outcome of normalising one number. */
    public sealed interface Result {}

    /** {@code e164}: "+" then country code then the 9-digit national number, e.g. "+596596123456". */
    public record Normalised(String e164) implements Result {}

    public record Rejected(String reason) implements Result {}

    private PhoneNumbers() {}

    /**
     * A number written as its nine national digits without the leading 0 ("596516976", "696 04 21 00"), as
     * spreadsheets leave it after reading it as a number: with its 0 back. Null for any other form, and for nine
     * digits that do not start like a hub number (then nothing says the 0 is what is missing).
     */
    public static String withLeadingZero(String raw) {
        String compact = raw == null ? "" : PHONE_SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (!NINE_DIGITS.matcher(compact).matches()) {
            return null;
        }
        boolean hub = PREFIXES.values().stream().flatMap(List::stream).anyMatch(compact::startsWith);
        return hub ? "0" + compact : null;
    }

    /** The number in E.164 for a place of {@code territory}, or why it cannot be one. */
    public static Result normalise(String raw, Territory territory) {
        if (raw == null || raw.isBlank()) {
            return new Rejected("the number is empty");
        }
        String compact = PHONE_SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        String national;
        String countryCode = null;
        if (compact.startsWith("+")) {
            String digits = compact.substring(1);
            if (!DIGITS.matcher(digits).matches()) {
                return new Rejected("'" + raw.strip() + "' is not a phone number: only digits may follow +");
            }
            countryCode = List.of("590", "594", "596", "262", "269", "33").stream().filter(digits::startsWith)
                    .findFirst().orElse(null);
            if (countryCode == null) {
                return new Rejected("'" + raw.strip() + "' is not a French number; a " + territory.label()
                        + " place needs " + expected(territory));
            }
            String rest = digits.substring(countryCode.length());
            if (rest.length() == 10 && rest.startsWith("0")) {
                rest = rest.substring(1); // "+33 (0)5 96..." once the parentheses are gone
            }
            if (!NINE_DIGITS.matcher(rest).matches()) {
                return new Rejected("'" + raw.strip() + "' has " + rest.length()
                        + " digits after +" + countryCode + " where 9 are expected");
            }
            national = "0" + rest;
        } else if (DIGITS.matcher(compact).matches()) {
            if (!NATIONAL_NUMBER.matcher(compact).matches()) {
                return new Rejected("'" + raw.strip() + "' is not a phone number: 10 digits starting with 0 ("
                        + example(territory) + ") or the international form ("
                        + "+" + COUNTRY_CODES.get(territory) + " ...) expected");
            }
            national = compact;
        } else {
            return new Rejected("'" + raw.strip() + "' is not a phone number: only digits, spaces, dots, dashes, "
                    + "parentheses and a leading + are allowed (one number only)");
        }
        return check(raw.strip(), national, countryCode, territory);
    }

    private static Result check(String raw, String national, String countryCode, Territory territory) {
        String prefix = national.substring(1, 4);
        if (PREFIXES.get(territory).contains(prefix)) {
            String own = COUNTRY_CODES.get(territory);
            if (countryCode != null && !countryCode.equals("33") && !countryCode.equals(own)) {
                return new Rejected("'" + raw + "' mixes country code +" + countryCode + " with a "
                        + territory.label() + " number; write +" + own + national.substring(1));
            }
            return new Normalised("+" + own + national.substring(1));
        }
        return new Rejected("'" + raw + "' is " + owner(national, countryCode) + "; a " + territory.label()
                + " place needs " + expected(territory));
    }

    /** "a Guadeloupe or Saint-Martin number", "a mainland France number", ... */
    private static String owner(String national, String countryCode) {
        String prefix = national.substring(1, 4);
        if (PREFIXES.get(Territory.GP).contains(prefix)) {
            return "a Guadeloupe or Saint-Martin number";
        }
        for (Territory t : List.of(Territory.MQ, Territory.GF)) {
            if (PREFIXES.get(t).contains(prefix)) {
                return "a " + t.label() + " number";
            }
        }
        if (List.of("262", "263", "692", "693").contains(prefix) || "262".equals(countryCode)) {
            return "a La Réunion number";
        }
        if (List.of("269", "639").contains(prefix) || "269".equals(countryCode)) {
            return "a Mayotte number";
        }
        return "a mainland France or non-geographic number";
    }

    /** "+596 (0596, 0696, 0697)". */
    private static String expected(Territory territory) {
        return "+" + COUNTRY_CODES.get(territory) + " ("
                + String.join(", ", PREFIXES.get(territory).stream().map(p -> "0" + p).toList()) + ")";
    }

    private static String example(Territory territory) {
        return "0" + PREFIXES.get(territory).getFirst() + " 12 34 56";
    }
}
