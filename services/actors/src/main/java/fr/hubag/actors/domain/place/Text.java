package fr.hubag.actors.domain.place;

import fr.hubag.contracts.standard.FrenchText;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Comparing the way people actually type French values: accents, apostrophes, ligatures and spaces vary. */
public final class Text {

    private static final Pattern APOSTROPHES = Pattern.compile("[’‘`´ʼ]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2009]+");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(le|la|les|l) ");

    private Text() {}

    /** Same characters, typography aside: NFC, one kind of apostrophe, no spaces at all. Case and accents count. */
    static String tight(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(APOSTROPHES.matcher(nfc).replaceAll("'")).replaceAll("");
    }

    /** Lower case, no accents, œ as oe, anything else than letters and digits as one space: "grand riviere". */
    public static String loose(String text) {
        return FrenchText.words(text);
    }

    /** A commune name's key: {@link #loose} without a leading article, "St"/"Ste" spelled out. */
    static String communeKey(String name) {
        String key = (" " + loose(name) + " ").replace(" st ", " saint ").replace(" ste ", " sainte ").strip();
        return LEADING_ARTICLE.matcher(key).replaceFirst("");
    }

    /** The Levenshtein distance: how many letters to insert, delete or replace to turn one text into the other. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The text stripped, or null when there is nothing in it. */
    static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Cuts a message to about {@code max} characters, ending with an ellipsis. */
    static String cap(String message, int max) {
        return message.length() <= max ? message : message.substring(0, max - 1) + "…";
    }
}
