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
 *
 * <p>Text written only with the characters below U+0180 (ASCII, Latin-1, Latin Extended-A: French and the
 * Antilles' creoles) is normalised character by character from a table that this same definition computes once per
 * character: the regular expressions and the Unicode decomposition of the whole text were a tenth of what a rebuild
 * of the actors read models spent in the JVM. Any other character sends the text the long way.
 */
public final class FrenchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    /** Letters that NFD does not decompose but French text uses. */
    private static final String[][] LIGATURES = {{"œ", "oe"}, {"æ", "ae"}, {"ß", "ss"}};
    /** Each character below U+0180 lower-cased, its ligature spelled out and its accents stripped. */
    private static final String[] LATIN = new String[0x180];

    static {
        for (char c = 0; c < LATIN.length; c++) {
            LATIN[c] = withoutAccents(String.valueOf(c));
        }
    }

    private FrenchText() {}

    /** @return the words of the texts, normalised and separated by single spaces (nulls skipped; "" for none) */
    public static String words(String... texts) {
        StringBuilder words = new StringBuilder();
        boolean gap = false;
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            gap = true; // the texts are words apart
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= LATIN.length) {
                    return wordsOfAnyText(texts);
                }
                String normalised = LATIN[c];
                for (int j = 0; j < normalised.length(); j++) {
                    char n = normalised.charAt(j);
                    if (n >= 'a' && n <= 'z' || n >= '0' && n <= '9') {
                        if (gap && !words.isEmpty()) {
                            words.append(' ');
                        }
                        gap = false;
                        words.append(n);
                    } else {
                        gap = true;
                    }
                }
            }
        }
        return words.toString();
    }

    /** The definition itself, for any text. */
    private static String wordsOfAnyText(String... texts) {
        String joined = Stream.of(texts).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return NOT_WORD.matcher(withoutAccents(joined)).replaceAll(" ").strip();
    }

    private static String withoutAccents(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String[] ligature : LIGATURES) {
            lower = lower.replace(ligature[0], ligature[1]);
        }
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }
}
