package fr.hubag.actors.domain.place;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the known values in one value of an older export, where producers joined several values with spaces or new
 * lines instead of {@code ;} ("Prendre en main un ordinateur Accéder à du matériel"), or wrote a value with its
 * description ("Gratuit : Je peux accéder gratuitement au lieu et à ses services."). A value is split only when
 * every piece is a known value; otherwise nothing is guessed.
 */
final class MultiValues {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Beyond this many words a value is not a list of a vocabulary's values: not searched. */
    private static final int MAX_WORDS = 80;

    private MultiValues() {}

    /** The known values {@code value} is made of, fewest pieces first; empty when it is not made of known values. */
    static Optional<List<String>> pieces(String value, Predicate<String> known) {
        String text = value.strip();
        if (known.test(text)) {
            return Optional.of(List.of(text));
        }
        String[] lines = LINE_BREAKS.split(text);
        if (lines.length > 1) {
            List<String> all = new ArrayList<>();
            for (String line : lines) {
                Optional<List<String>> inLine = words(line, known).or(() -> described(line, known));
                if (inLine.isEmpty()) {
                    return Optional.empty();
                }
                all.addAll(inLine.get());
            }
            return Optional.of(all);
        }
        return words(text, known).or(() -> described(text, known));
    }

    /** The fewest runs of whole words that are each a known value, covering all the words. */
    private static Optional<List<String>> words(String text, Predicate<String> known) {
        String[] words = SPACES.split(text.strip());
        int n = words.length;
        if (n > MAX_WORDS) {
            return Optional.empty();
        }
        int[] fewest = new int[n + 1];
        int[] cut = new int[n + 1];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = 0; start < end; start++) {
                if (fewest[start] != Integer.MAX_VALUE && fewest[start] + 1 < fewest[end]
                        && known.test(String.join(" ", Arrays.copyOfRange(words, start, end)))) {
                    fewest[end] = fewest[start] + 1;
                    cut[end] = start;
                }
            }
        }
        if (fewest[n] == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        List<String> pieces = new ArrayList<>();
        for (int end = n; end > 0; end = cut[end]) {
            pieces.addFirst(String.join(" ", Arrays.copyOfRange(words, cut[end], end)));
        }
        return Optional.of(pieces);
    }

    /** "Value : a description of the producer's own" or "Value: [details]": the value, when it is a known one. */
    private static Optional<List<String>> described(String text, Predicate<String> known) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String head = text.substring(0, colon).strip();
        return known.test(head) ? Optional.of(List.of(head)) : Optional.empty();
    }
}
