package fr.hubag.projection.shared;

import fr.hubag.contracts.standard.FrenchText;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Full-text search over the words {@link FrenchText} keeps, the same normalisation for what is stored and what is
 * asked. Done here rather than with PostgreSQL's unaccent so the read models need no extension (see V101).
 */
public final class SearchText {

    private SearchText() {}

    /**
     * A PostgreSQL {@code tsquery} asking every word of the text as a prefix ({@code 'lamen':* & 'cyber':*}); the
     * words are [a-z0-9] only, so the query is always well formed. Empty when the text has no word at all.
     */
    public static Optional<String> prefixQuery(String text) {
        String normalised = FrenchText.words(text);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(normalised.split(" "))
                .distinct()
                .map(word -> "'" + word + "':*")
                .collect(Collectors.joining(" & ")));
    }
}
