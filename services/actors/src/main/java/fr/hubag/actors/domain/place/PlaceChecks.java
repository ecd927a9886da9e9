package fr.hubag.actors.domain.place;

import fr.hubag.contracts.actors.Place;
import fr.hubag.domain.Territory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The field rules of {@link PlaceReader} that need more than a shape: pivot, coordinates, contacts, codes. */
final class PlaceChecks {

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
            text = text.matches("0+") ? UNKNOWN_PIVOT : text.length() == 13 || text.length() == 8 ? "0" + text : text;
        }
        if (text == null) {
            if (Boolean.TRUE.equals(flagged)) {
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
                    problems.warn(StandardField.PIVOT_UNKNOWN, "pivot_inconnu is true but " + value + " is a valid "
                            + kind + ": the pivot is recorded as known");
                }
                yield new PivotReading(value, false);
            }
            case Pivots.Invalid(String reason) -> {
                problems.error(StandardField.PIVOT, reason);
                yield null;
            }
        };
    }

    /** Latitude and longitude: both or neither, numbers, inside the territory when it is known. */
    static Coordinates coordinates(FieldReader in, Territory territory) {
        Problems problems = in.problems();
        boolean hasLat = in.present(StandardField.LATITUDE);
        boolean hasLon = in.present(StandardField.LONGITUDE);
        Double lat = in.number(StandardField.LATITUDE);
        Double lon = in.number(StandardField.LONGITUDE);
        if (hasLat != hasLon) {
            StandardField missing = hasLat ? StandardField.LONGITUDE : StandardField.LATITUDE;
            StandardField given = hasLat ? StandardField.LATITUDE : StandardField.LONGITUDE;
            problems.error(missing, "is missing while " + given.standardName() + " is given: give both or neither");
            return Coordinates.NONE;
        }
        if (lat == null || lon == null) {
            return Coordinates.NONE;
        }
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            problems.error(Math.abs(lat) > 90 ? StandardField.LATITUDE : StandardField.LONGITUDE,
                    "latitude must be within -90..90 and longitude within -180..180 (WGS84 decimal degrees)");
        } else if (territory != null) {
            TerritoryBounds.problem(territory, lat, lon).ifPresent(p -> problems.error(StandardField.LATITUDE, p));
        }
        return new Coordinates(lat, lon);
    }

    static String phone(FieldReader in, Territory territory) {
        String raw = in.text(StandardField.TELEPHONE);
        if (raw == null || territory == null) {
            return raw;
        }
        return switch (PhoneNumbers.normalise(raw, territory)) {
            case PhoneNumbers.Normalised(String e164) -> e164;
            case PhoneNumbers.Rejected(String reason) -> {
                in.problems().error(StandardField.TELEPHONE, reason);
                yield null;
            }
        };
    }

    static List<String> emails(FieldReader in) {
        List<String> emails = new ArrayList<>();
        for (String email : in.values(StandardField.COURRIELS)) {
            if (email.matches("[^@\\s|;,]+@[^@\\s|;,]+\\.[^@\\s|;,.]+")) {
                emails.add(email);
            } else {
                in.problems().error(StandardField.COURRIELS, "'" + Text.cap(email, 80) + "' is not an email address"
                        + (email.matches(".*[;,\\s].*@.*") ? " (separate several addresses with |)" : ""));
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
        in.problems().error(field, "'" + Text.cap(url, 80) + "' is not a web address: http:// or https:// and a "
                + "host expected" + (url.contains(" ") ? " (separate several with |)" : ""));
        return false;
    }

    /** Typology codes of data.inclusion: upper-case letters, digits and underscores (EPN, TIERS_LIEUX). */
    static List<String> typologies(FieldReader in) {
        List<String> codes = new ArrayList<>();
        for (String code : in.values(StandardField.TYPOLOGIE)) {
            if (code.matches("[A-Z][A-Z0-9_]*")) {
                codes.add(code);
            } else {
                in.problems().error(StandardField.TYPOLOGIE, "'" + Text.cap(code, 60) + "' is not a typology code: "
                        + "upper-case letters, digits and _ (e.g. EPN, TIERS_LIEUX, MUNI)");
            }
        }
        return codes;
    }
}
