package fr.hubag.actors.domain.place;

import fr.hubag.contracts.standard.FrenchText;

import java.text.Normalizer;

/** Comparing the way people actually type French values: accents, apostrophes, ligatures and spaces vary. */
public final class Text {

    private Text() {}

    /** Same characters, typography aside: NFC, one kind of apostrophe, no spaces at all. Case and accents count. */
    static String tight(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.replaceAll("[’‘`´ʼ]", "'").replaceAll("[\\s\\u00A0\\u202F\\u2009]+", "");
    }

    /** Lower case, no accents, œ as oe, anything else than letters and digits as one space: "grand riviere". */
    public static String loose(String text) {
        return FrenchText.words(text);
    }

    /** A commune name's key: {@link #loose} without a leading article, "St"/"Ste" spelled out. */
    static String communeKey(String name) {
        String key = (" " + loose(name) + " ").replace(" st ", " saint ").replace(" ste ", " sainte ").strip();
        return key.replaceFirst("^(le|la|les|l) ", "");
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
