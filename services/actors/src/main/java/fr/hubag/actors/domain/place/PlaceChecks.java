package fr.hubag.actors.domain.place;

import fr.hubag.contracts.actors.Place;
import fr.hubag.domain.Territory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The field rules of {@link PlaceReader} that need more than a shape: pivot, coordinates, contacts, codes. */
final class PlaceChecks {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s|;,]+@[^@\\s|;,]+\\.[^@\\s|;,.]+");
    private static final Pattern SEVERAL_EMAILS = Pattern.compile(".*[;,\\s].*@.*");
    private static final Pattern ZEROS = Pattern.compile("0+");

    static final String UNKNOWN_PIVOT = Place.UNKNOWN_PIVOT;

    /** The pivot to record and whether it is the unknown-pivot placeholder; null when it cannot be read. */
    record PivotReading(String pivot, boolean unknown) {}

    /** Both null, or both set. */
    record Coordinates(Double latitude, Double longitude) {
        static final Coordinates NONE = new Coordinates(null, null);
    }

    private PlaceChecks() {}

    static PivotReading pivot(FieldReader in, RawPlace raw) {
        Problems problems = in.problems();
        Boolean flagged = in.flag(StandardField.PIVOT_UNKNOWN);
        String text = in.code(StandardField.PIVOT, 0);
        if (text != null && raw.get(StandardField.PIVOT) instanceof Number) {
            text = ZEROS.matcher(text).matches() ? UNKNOWN_PIVOT : text.length() == 13 || text.length() == 8 ? "0" + text : text;
        }
        if (text == null) {
            if (Boolean.TRUE.equals(flagged)) {
                return new PivotReading(UNKNOWN_PIVOT, true);
            }
            if (in.options().acceptUnknownPivot() && in.options().repairs()) {
                problems.correct(StandardField.PIVOT, Correction.PIVOT_UNKNOWN, "", UNKNOWN_PIVOT, "no pivot given "
                        + "and the import accepts unknown pivots: recorded as unknown (" + UNKNOWN_PIVOT + ")");
                return new PivotReading(UNKNOWN_PIVOT, true);
            }
            problems.error(StandardField.PIVOT, "is required: the SIRET (14 digits), SIREN (9) or RNA number (W and 9"
                    + " characters); a place that has none sends " + UNKNOWN_PIVOT + " with pivot_inconnu = true");
            return null;
        }
        return switch (Pivots.classify(text)) {
            case Pivots.Recognised(Pivots.Kind kind, String value) when kind == Pivots.Kind.PLACEHOLDER -> {
                if (Boolean.TRUE.equals(flagged) || in.options().acceptUnknownPivot()) {
                    yield new PivotReading(UNKNOWN_PIVOT, true);
                }
                problems.error(StandardField.PIVOT, value + " stands for an unknown pivot: flag it as unknown "
                        + "(pivot_inconnu = true) or give the SIRET, SIREN or RNA number");
                yield null;
            }
            case Pivots.Recognised(Pivots.Kind kind, String value) -> {
                if (Boolean.TRUE.equals(flagged)) {
                    problems.correct(StandardField.PIVOT_UNKNOWN, Correction.PIVOT_FLAG_IGNORED, "true", "false",
                            "pivot_inconnu is true but " + value + " is a valid " + kind
                                    + ": the pivot is recorded as known");
                }
                yield new PivotReading(value, false);
            }
            case Pivots.Invalid(String reason) -> {
                problems.error(StandardField.PIVOT, reason);
                yield null;
            }
        };
    }

    /**
     * Latitude and longitude: both or neither, numbers, inside the territory when it is known. When the reading
     * repairs, swapped coordinates are swapped back and coordinates that cannot be the place's are left empty.
     */
    static Coordinates coordinates(FieldReader in, Territory territory) {
        Problems problems = in.problems();
        boolean hasLat = in.present(StandardField.LATITUDE);
        boolean hasLon = in.present(StandardField.LONGITUDE);
        Double lat = in.number(StandardField.LATITUDE);
        Double lon = in.number(StandardField.LONGITUDE);
        if (hasLat != hasLon) {
            StandardField missing = hasLat ? StandardField.LONGITUDE : StandardField.LATITUDE;
            StandardField given = hasLat ? StandardField.LATITUDE : StandardField.LONGITUDE;
            problems.optional(missing, "", "is missing while " + given.standardName() + " is given: give both or "
                    + "neither");
            return Coordinates.NONE;
        }
        if (lat == null || lon == null) {
            return Coordinates.NONE;
        }
        String read = plain(lat) + ", " + plain(lon);
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            problems.optional(Math.abs(lat) > 90 ? StandardField.LATITUDE : StandardField.LONGITUDE, read,
                    "latitude must be within -90..90 and longitude within -180..180 (WGS84 decimal degrees)");
            return problems.repairs() ? Coordinates.NONE : new Coordinates(lat, lon);
        }
        if (territory == null) {
            return new Coordinates(lat, lon);
        }
        java.util.Optional<String> outside = TerritoryBounds.problem(territory, lat, lon);
        if (outside.isEmpty()) {
            return new Coordinates(lat, lon);
        }
        if (!problems.repairs()) {
            problems.error(StandardField.LATITUDE, outside.get());
            return new Coordinates(lat, lon);
        }
        if (TerritoryBounds.contains(territory, lon, lat)) {
            problems.correct(StandardField.LATITUDE, Correction.COORDINATES_SWAPPED, read, plain(lon) + ", "
                    + plain(lat), "latitude and longitude were swapped: swapped back");
            return new Coordinates(lon, lat);
        }
        problems.correct(StandardField.LATITUDE, Correction.COORDINATES_DROPPED, read, null, outside.get()
                + " (left empty)");
        return Coordinates.NONE;
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * The phone in E.164. When the reading repairs: nine digits that lack their leading zero gain it, a number
     * rewritten in E.164 says so, and a number that cannot be the place's is left empty with a warning.
     */
    static String phone(FieldReader in, Territory territory) {
        String raw = in.text(StandardField.TELEPHONE);
        if (raw == null || territory == null) {
            return raw;
        }
        Problems problems = in.problems();
        String number = raw;
        if (problems.repairs()) {
            String withZero = PhoneNumbers.withLeadingZero(raw);
            if (withZero != null) {
                problems.correct(StandardField.TELEPHONE, Correction.PHONE_LEADING_ZERO, raw, withZero,
                        "nine digits without the leading 0: read as " + withZero);
                number = withZero;
            }
        }
        return switch (PhoneNumbers.normalise(number, territory)) {
            case PhoneNumbers.Normalised(String e164) -> {
                if (problems.repairs() && number.equals(raw) && !e164.equals(raw.strip())) {
                    problems.correct(StandardField.TELEPHONE, Correction.PHONE_NORMALISED, raw, e164,
                            "'" + raw + "' written in the standard's international form " + e164);
                }
                yield e164;
            }
            case PhoneNumbers.Rejected(String reason) -> {
                if (problems.repairs()) {
                    problems.correct(StandardField.TELEPHONE, Correction.PHONE_DROPPED, raw, null, reason
                            + " (left empty)");
                } else {
                    problems.error(StandardField.TELEPHONE, reason);
                }
                yield null;
            }
        };
    }

    static List<String> emails(FieldReader in) {
        List<String> emails = new ArrayList<>();
        for (String email : in.values(StandardField.COURRIELS)) {
            if (EMAIL.matcher(email).matches()) {
                emails.add(email);
            } else {
                in.problems().optional(StandardField.COURRIELS, email, "'" + Text.cap(email, 80) + "' is not an email "
                        + "address" + (SEVERAL_EMAILS.matcher(email).matches() ? " (separate several addresses with |)" : ""));
            }
        }
        return emails;
    }

    static List<String> urls(FieldReader in, StandardField field) {
        return in.values(field).stream().filter(url -> url(in, field, url)).toList();
    }

    static String url(FieldReader in, StandardField field) {
        String url = in.text(field);
        return url != null && url(in, field, url) ? url : null;
    }

    private static boolean url(FieldReader in, StandardField field, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return true;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        in.problems().optional(field, url, "'" + Text.cap(url, 80) + "' is not a web address: http:// or https:// "
                + "and a host expected" + (url.contains(" ") ? " (separate several with |)" : ""));
        return false;
    }

    /** Typology codes of data.inclusion: upper-case letters, digits and underscores (EPN, TIERS_LIEUX). */
    static List<String> typologies(FieldReader in) {
        List<String> codes = new ArrayList<>();
        for (String code : in.values(StandardField.TYPOLOGIE)) {
            if (CODE.matcher(code).matches()) {
                codes.add(code);
            } else {
                in.problems().optional(StandardField.TYPOLOGIE, code, "'" + Text.cap(code, 60) + "' is not a typology "
                        + "code: upper-case letters, digits and _ (e.g. EPN, TIERS_LIEUX, MUNI)");
            }
        }
        return codes;
    }
}
