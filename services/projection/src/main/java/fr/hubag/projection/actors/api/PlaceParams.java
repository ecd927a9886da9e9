package fr.hubag.projection.actors.api;

import fr.hubag.contracts.standard.FrenchText;
import fr.hubag.projection.actors.domain.Vocabulary;
import fr.hubag.projection.actors.read.PlaceFilter;
import fr.hubag.projection.shared.QueryParams;
import fr.hubag.projection.shared.SearchText;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The directory's filters as the place endpoints (search, map) receive them, checked with the shared
 * {@link QueryParams} so every fault of a request is reported at once.
 */
final class PlaceParams {

    private static final Pattern INSEE = Pattern.compile("\\d{5}|2[AB]\\d{3}");

    private PlaceParams() {}

    /** The directory's filters; {@code today} is the default of {@code on}. */
    static PlaceFilter filter(QueryParams params, String q, String commune, String service, String publicValue,
                              String label, String on, String modality, String typology, String includeClosed,
                              LocalDate today) {
        String text = QueryParams.blankToNull(q);
        if (text != null && text.length() > 200) {
            params.invalid("q", "must be at most 200 characters");
        }
        String place = QueryParams.blankToNull(commune);
        boolean insee = place != null && INSEE.matcher(place).matches();
        String communeKey = place == null || insee ? null : FrenchText.words(place);
        String typologyCode = QueryParams.blankToNull(typology);
        if (typologyCode != null && !Vocabulary.TYPOLOGY.matcher(typologyCode).matches()) {
            params.invalid("typology", "must be a typology code of the data.inclusion vocabulary, in capitals "
                    + "(EPN, MUNI, ASSO, TIERS_LIEUX, ...)");
        }
        return new PlaceFilter(text == null ? null : SearchText.prefixQuery(text).orElse(null),
                insee ? place : null, communeKey == null || communeKey.isEmpty() ? null : communeKey,
                params.oneOf("service", service, Vocabulary.SERVICES),
                params.oneOf("public", publicValue, Vocabulary.PUBLICS),
                params.oneOf("label", label, Vocabulary.LABELS), params.oneOf("modality", modality,
                Vocabulary.MODALITIES), typologyCode, params.bool("includeClosed", includeClosed, false),
                params.date("on", on, today));
    }
}
