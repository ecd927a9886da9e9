package fr.hubag.contracts.standard;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one normalisation of French text the platform compares with, so "Rémire-Montjoly", "remire montjoly" and
 * "REMIRE-MONTJOLY" are the same words: lower case, accents stripped, ligatures spelled out, every run of anything
 * else than letters and digits a single space. The actors service matches the standard's values and commune names
 * with it; the projection stores and searches with it.
 */
public final class FrenchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    /** Letters that NFD does not decompose but French text uses. */
    private static final String[][] LIGATURES = {{"œ", "oe"}, {"æ", "ae"}, {"ß", "ss"}};

    private FrenchText() {}

    /** @return the words of the texts, normalised and separated by single spaces (nulls skipped; "" for none) */
    public static String words(String... texts) {
        String joined = Stream.of(texts).filter(Objects::nonNull).collect(Collectors.joining(" "));
        String lower = joined.toLowerCase(Locale.ROOT);
        for (String[] ligature : LIGATURES) {
            lower = lower.replace(ligature[0], ligature[1]);
        }
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(stripped).replaceAll(" ").strip();
    }
}
