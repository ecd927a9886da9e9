package fr.hubag.projection.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One normalisation for what is stored and what is asked, so "Rémire-Montjoly", "remire montjoly" and
 * "REMIRE-MONTJOLY" are the same words: accents stripped, lower case, every run of other characters a single space.
 * Done here rather than with PostgreSQL's unaccent so the read models need no extension (see V101).
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    /** Letters that NFD does not decompose but French text uses. */
    private static final String[][] LIGATURES = {{"œ", "oe"}, {"æ", "ae"}, {"ß", "ss"}};

    private SearchText() {}

    /** @return the words of the texts, normalised and separated by single spaces (nulls skipped) */
    public static String normalise(String... texts) {
        String joined = Stream.of(texts).filter(Objects::nonNull).collect(Collectors.joining(" "));
        String lower = joined.toLowerCase(Locale.ROOT);
        for (String[] ligature : LIGATURES) {
            lower = lower.replace(ligature[0], ligature[1]);
        }
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(stripped).replaceAll(" ").strip();
    }

    /**
     * A PostgreSQL {@code tsquery} asking every word of the text as a prefix ({@code 'lamen':* & 'cyber':*}); the
     * words are [a-z0-9] only, so the query is always well formed. Empty when the text has no word at all.
     */
    public static Optional<String> prefixQuery(String text) {
        String normalised = normalise(text);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(normalised.split(" "))
                .distinct()
                .map(word -> "'" + word + "':*")
                .collect(Collectors.joining(" & ")));
    }
}
