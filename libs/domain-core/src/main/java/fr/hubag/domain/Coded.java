package fr.hubag.domain;

/**
 * A domain enumeration whose values have an official code (a national vocabulary's value, e.g. {@code tiers_lieu}
 * or {@code France Services}). Events store the code, never the Java constant name, so renaming a constant never
 * changes a contract.
 */
public interface Coded {
    String code();

    static <T extends Enum<T> & Coded> java.util.Optional<T> parse(Class<T> type, String code) {
        for (T value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }

    static <T extends Enum<T> & Coded> String[] codes(Class<T> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Coded::code).toArray(String[]::new);
    }
}
