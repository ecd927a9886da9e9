package fr.hubag.projection.api;

import fr.hubag.contracts.standard.FrenchText;
import fr.hubag.projection.domain.SearchText;
import fr.hubag.projection.domain.Vocabulary;
import fr.hubag.projection.read.PlaceFilter;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Violations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks and converts the read endpoints' parameters, all received as text: a bad number, boolean or vocabulary
 * value is then a 400 problem naming the parameter (and listing the allowed values), rather than the 404 JAX-RS
 * gives for an unconvertible {@code int}. Every fault of a request is reported at once.
 */
final class QueryParams {

    static final int MAX_SIZE = 200;
    private static final Pattern INSEE = Pattern.compile("\\d{5}|2[AB]\\d{3}");

    private final Violations violations = new Violations();

    /** The directory's filters; {@code today} is the default of {@code on}. */
    PlaceFilter filter(String q, String commune, String service, String publicValue, String label, String on,
                       String modality, String typology, String includeClosed, LocalDate today) {
        String text = blankToNull(q);
        if (text != null && text.length() > 200) {
            violations.add("q", "must be at most 200 characters");
        }
        String place = blankToNull(commune);
        boolean insee = place != null && INSEE.matcher(place).matches();
        String communeKey = place == null || insee ? null : FrenchText.words(place);
        String typologyCode = blankToNull(typology);
        if (typologyCode != null && !Vocabulary.TYPOLOGY.matcher(typologyCode).matches()) {
            violations.add("typology", "must be a typology code of the data.inclusion vocabulary, in capitals "
                    + "(EPN, MUNI, ASSO, TIERS_LIEUX, ...)");
        }
        return new PlaceFilter(text == null ? null : SearchText.prefixQuery(text).orElse(null),
                insee ? place : null, communeKey == null || communeKey.isEmpty() ? null : communeKey,
                oneOf("service", service, Vocabulary.SERVICES), oneOf("public", publicValue, Vocabulary.PUBLICS),
                oneOf("label", label, Vocabulary.LABELS), oneOf("modality", modality, Vocabulary.MODALITIES),
                typologyCode, bool("includeClosed", includeClosed, false), date("on", on, today));
    }

    /** A value of a closed list, or null when not given; anything else is reported with the allowed values. */
    String oneOf(String name, String value, List<String> allowed) {
        String given = blankToNull(value);
        if (given != null && !allowed.contains(given)) {
            violations.add(name, "must be one of " + allowed.stream().map(v -> "\"" + v + "\"")
                    .collect(Collectors.joining(", ")));
            return null;
        }
        return given;
    }

    LocalDate date(String name, String value, LocalDate otherwise) {
        return violations.date(name, value, false).orElse(otherwise);
    }

    boolean bool(String name, String value, boolean otherwise) {
        String given = blankToNull(value);
        if (given == null) {
            return otherwise;
        }
        if (!given.equals("true") && !given.equals("false")) {
            violations.add(name, "must be true or false");
            return otherwise;
        }
        return given.equals("true");
    }

    int integer(String name, String value, int otherwise, int min, int max) {
        String given = blankToNull(value);
        if (given == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(given);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(name, max == Integer.MAX_VALUE ? "must be an integer, " + min + " or more"
                : "must be an integer from " + min + " to " + max);
        return otherwise;
    }

    UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(name, "must be a UUID");
            return null;
        }
    }

    /** Throws the 400 problem if anything was wrong. */
    void check() {
        violations.throwIfAny();
    }

    static UUID actorId(String value) {
        QueryParams params = new QueryParams();
        UUID id = params.uuid("actorId", value);
        params.check();
        return id;
    }

    static InvalidRequest badTerritory() {
        return InvalidRequest.of("territory", "must be one of GP, GF, MQ, MF");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
