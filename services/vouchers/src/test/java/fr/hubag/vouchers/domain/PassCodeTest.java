package fr.hubag.vouchers.domain;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes: their alphabet and length, the check character catching typos, and how a typed code is read. */
class PassCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aCodeHasFifteenCharactersOfTheAlphabetAndAtLeastSixtyFourRandomBits() {
        assertThat(PassCode.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
        assertThat(PassCode.RANDOM_CHARACTERS * Math.log(31) / Math.log(2)).isGreaterThan(64);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            PassCode code = PassCode.draw(random);
            assertThat(code.value()).hasSize(15).matches("[" + PassCode.ALPHABET + "]{15}");
            assertThat(code.grouped()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{3}");
            assertThat(seen.add(code.value())).isTrue();
            assertThat(PassCode.read(code.grouped())).isEqualTo(new PassCode.Valid(code));
        }
    }

    @Test
    void everySingleMistypedCharacterIsCaughtByTheCheckCharacter() {
        Random seeded = new Random(42);
        for (int n = 0; n < 200; n++) {
            String code = PassCode.draw(seeded).value();
            for (int i = 0; i < code.length(); i++) {
                for (char c : PassCode.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String typo = code.substring(0, i) + c + code.substring(i + 1);
                        assertThat(PassCode.read(typo)).as(typo).isInstanceOf(PassCode.Mistyped.class);
                    }
                }
            }
        }
    }

    @Test
    void everySwapOfTwoDifferentNeighboursIsCaught() {
        Random seeded = new Random(7);
        int swaps = 0;
        int caught = 0;
        for (int n = 0; n < 2_000; n++) {
            String code = PassCode.draw(seeded).value();
            for (int i = 0; i + 1 < code.length(); i++) {
                if (code.charAt(i) != code.charAt(i + 1)) {
                    String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                    swaps++;
                    caught += PassCode.read(swapped) instanceof PassCode.Mistyped ? 1 : 0;
                }
            }
        }
        assertThat(caught).isEqualTo(swaps).isGreaterThan(20_000);
    }

    @Test
    void aTypedCodeIsReadInAnyCaseWithSpacesAndDashesAndConfusableCharactersAreRefused() {
        PassCode code = PassCode.draw(random);
        String spaced = code.value().toLowerCase().replaceAll("(.{4})", "$1 ");
        assertThat(PassCode.read("  " + spaced + " ")).isEqualTo(new PassCode.Valid(code));
        assertThat(PassCode.read(code.value().substring(0, 14))).isInstanceOf(PassCode.Malformed.class);
        assertThat(PassCode.read(code.value() + "A")).isInstanceOf(PassCode.Malformed.class);
        assertThat(PassCode.read("O" + code.value().substring(1))).isInstanceOf(PassCode.Malformed.class);
        assertThat(PassCode.read("1" + code.value().substring(1))).isInstanceOf(PassCode.Malformed.class);
        assertThat(PassCode.read("")).isInstanceOf(PassCode.Malformed.class);
        assertThat(code.toString()).doesNotContain(code.value());
    }
}
