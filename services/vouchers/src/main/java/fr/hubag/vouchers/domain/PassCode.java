package fr.hubag.vouchers.domain;

import java.util.random.RandomGenerator;

/**
 * A pass's code: 14 characters drawn from a 31-letter alphabet that survives handwriting and reading aloud (no 0, O,
 * 1, I or L), 69 random bits, then a check character — a weighted sum modulo 31, weights 1 and 2 alternating from
 * the right as in Luhn's, but without Luhn's folding of digits, which loses information when the base is odd; 31 is
 * prime, so both weights are invertible — that catches every single mistyped character and every swap of two
 * different neighbours: a typo is refused before the code is looked up. Printed in groups,
 * {@code XXXX-XXXX-XXXX-XXX}; read back in any case, with or without spaces and dashes. A character the alphabet does
 * not use (0, O, 1, I, L…) is refused, never guessed: O could stand for 0, D or Q.
 */
public record PassCode(String value) {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int N = ALPHABET.length();
    static final int RANDOM_CHARACTERS = 14;
    public static final int LENGTH = RANDOM_CHARACTERS + 1;

    /** What a typed code reads as. */
    public sealed interface Reading {}

    /** Well formed, check character right: worth looking up. */
    public record Valid(PassCode code) implements Reading {}

    /** Not a code at all (length, characters): the request is malformed. */
    public record Malformed(String why) implements Reading {}

    /** Well formed but its check character is wrong: a typo, refused without a look-up. */
    public record Mistyped() implements Reading {}

    public PassCode {
        if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) || !checks(value)) {
            throw new IllegalArgumentException("not a pass code");
        }
    }

    /** A new code from {@code random} (a {@code SecureRandom} in the service). */
    public static PassCode draw(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            code.append(ALPHABET.charAt(random.nextInt(N)));
        }
        return new PassCode(code.append(checkCharacter(code)).toString());
    }

    public static Reading read(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Malformed("is required");
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.strip().toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            char upper = Character.toUpperCase(c);
            if (ALPHABET.indexOf(upper) < 0) {
                return new Malformed("contains '" + c + "': codes use only " + ALPHABET
                        + " (never 0, O, 1, I or L)");
            }
            code.append(upper);
            if (code.length() > LENGTH) {
                break;
            }
        }
        if (code.length() != LENGTH) {
            return new Malformed("must have " + LENGTH + " characters, as XXXX-XXXX-XXXX-XXX");
        }
        return checks(code) ? new Valid(new PassCode(code.toString())) : new Mistyped();
    }

    /** As printed: XXXX-XXXX-XXXX-XXX. */
    public String grouped() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8, 12) + "-"
                + value.substring(12);
    }

    @Override
    public String toString() { return "PassCode[hidden]"; }

    /** The character that makes the weighted sum of the whole code 0 modulo N (it has weight 1, on the right). */
    static char checkCharacter(CharSequence data) {
        int sum = weightedSum(data, 2);
        return ALPHABET.charAt((N - sum % N) % N);
    }

    static boolean checks(CharSequence code) {
        return weightedSum(code, 1) % N == 0;
    }

    /** From the right, weights alternating 1 and 2, the rightmost character weighing {@code rightmostWeight}. */
    private static int weightedSum(CharSequence chars, int rightmostWeight) {
        int sum = 0;
        int weight = rightmostWeight;
        for (int i = chars.length() - 1; i >= 0; i--) {
            sum += ALPHABET.indexOf(chars.charAt(i)) * weight;
            weight = 3 - weight;
        }
        return sum;
    }
}
