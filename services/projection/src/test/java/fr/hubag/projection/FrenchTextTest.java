package fr.hubag.projection;

import fr.hubag.contracts.standard.FrenchText;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FrenchText's table of Latin characters gives the words its definition gives (the projection stores and searches
 * with them, so a difference would hide places): the definition is spelled out here and compared on every character
 * below U+0180 and on random texts mixing them with combining accents, other scripts and surrogates.
 */
class FrenchTextTest {

    @Test
    void knownTexts() {
        assertThat(FrenchText.words("Rémire-Montjoly")).isEqualTo("remire montjoly");
        assertThat(FrenchText.words("  L'Œuvre  ", null, "ÉCOLE n°3 ")).isEqualTo("l oeuvre ecole n 3");
        assertThat(FrenchText.words("Straße", "Cæcilia")).isEqualTo("strasse caecilia");
        assertThat(FrenchText.words("Re\u0301sidence", "Σίσυφος")).isEqualTo(definition("Re\u0301sidence", "Σίσυφος"));
        assertThat(FrenchText.words()).isEmpty();
        assertThat(FrenchText.words("--", null)).isEmpty();
    }

    @Test
    void sameWordsAsTheDefinitionForEveryLatinCharacterAndRandomTexts() {
        for (char c = 0; c < 0x200; c++) {
            String text = "a" + c + "b" + c;
            assertThat(FrenchText.words(text)).as("U+%04X", (int) c).isEqualTo(definition(text));
        }
        String alphabet = "aZé9 -'’Œœæßİ\u00a0\t\u0301\u0327ǅΣς€😀" + "ÀÂÄÇÈÉÊËÎÏÔÖÙÛÜŸàâäçèéêëîïôöùûüÿ";
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            String[] texts = new String[1 + random.nextInt(3)];
            for (int t = 0; t < texts.length; t++) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(12); k > 0; k--) {
                    int at = random.nextInt(alphabet.length());
                    text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x180) : alphabet.charAt(at));
                }
                texts[t] = random.nextInt(8) == 0 ? null : text.toString();
            }
            assertThat(FrenchText.words(texts)).as("%s", (Object) texts).isEqualTo(definition(texts));
        }
    }

    /** Lower case, ligatures spelled out, accents stripped, every run of non-letters and non-digits one space. */
    private static String definition(String... texts) {
        String lower = Stream.of(texts).filter(t -> t != null).collect(Collectors.joining(" "))
                .toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replaceAll("[^a-z0-9]+", " ").strip();
    }
}
