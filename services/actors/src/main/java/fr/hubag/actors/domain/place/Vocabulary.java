package fr.hubag.actors.domain.place;

import fr.hubag.domain.Coded;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the standard's value a producer meant. Typography never matters (curly apostrophes, non-breaking spaces,
 * decomposed accents); case and missing accents are accepted too, but reported, so that files get corrected.
 */
final class Vocabulary {

    /** A value found, and whether it was written exactly (typography aside). */
    private static final int MAX_LENGTH = 290;

    record Found<T>(T value, boolean exact) {}

    private Vocabulary() {}

    static <T extends Enum<T> & Coded> Optional<Found<T>> find(Class<T> type, String raw) {
        String tight = Text.tight(raw);
        for (T value : type.getEnumConstants()) {
            if (Text.tight(value.code()).equals(tight)) {
                return Optional.of(new Found<>(value, true));
            }
        }
        String loose = Text.loose(raw);
        return Arrays.stream(type.getEnumConstants()).filter(v -> Text.loose(v.code()).equals(loose)).findFirst()
                .map(v -> new Found<>(v, false));
    }

    /** "'X' is not a value of services; allowed: A | B | ..." (the list cut to stay under 300 characters). */
    static <T extends Enum<T> & Coded> String unknown(String raw, Class<T> type, StandardField field) {
        StringBuilder message = new StringBuilder("'").append(Text.cap(raw, 60)).append("' is not a value of ")
                .append(field.standardName()).append("; allowed: ");
        String[] codes = Coded.codes(type);
        for (int i = 0; i < codes.length; i++) {
            if (message.length() + codes[i].length() > MAX_LENGTH) {
                return message.append("…").toString();
            }
            message.append(i == 0 ? "" : " | ").append(codes[i]);
        }
        return message.toString();
    }
}
