package fr.hubag.actors.domain.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The tokens of an opening_hours value and the wording of syntax errors, for {@link OpeningHours}. */
final class OpeningHoursLexer {

    private static final Pattern DAY_OR_MONTH_SHORT = Pattern.compile("[A-Z][a-z]?");
    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z][a-z]{2}");

    private static final Set<String> ENGLISH_DAYS = Set.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final Set<String> FRENCH_DAYS = Set.of("lundi", "mardi", "mercredi", "jeudi", "vendredi",
            "samedi", "dimanche", "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "lu", "ma", "me", "je", "ve", "di");

    private OpeningHoursLexer() {}

    enum Type { NUM, TIME, WORD, STRING, OROR, PUNCT, END }

    record Token(Type type, String text, int pos) {
        boolean is(String punct) { return (type == Type.PUNCT || type == Type.OROR) && text.equals(punct); }
    }

    static final class Syntax extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Syntax(String message) { super(message, null, false, false); }
    }

    static List<Token> lex(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c) || c == '\u00A0') {
                i++;
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
                boolean time = i + 1 < s.length() && s.charAt(i) == ':' && Character.isDigit(s.charAt(i + 1));
                if (time) {
                    i++;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
                }
                tokens.add(new Token(time ? Type.TIME : Type.NUM, s.substring(start, i), start + 1));
            } else if (Character.isLetter(c)) {
                while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
                tokens.add(new Token(Type.WORD, s.substring(start, i), start + 1));
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new Syntax("unterminated comment: the '\"' at position " + (start + 1) + " is never closed");
                }
                tokens.add(new Token(Type.STRING, s.substring(start, end + 1), start + 1));
                i = end + 1;
            } else if (c == '|' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
                tokens.add(new Token(Type.OROR, "||", start + 1));
                i += 2;
            } else if (";,-+[]/:()".indexOf(c) >= 0) {
                tokens.add(new Token(Type.PUNCT, String.valueOf(c), start + 1));
                i++;
            } else {
                throw new Syntax("unexpected character '" + c + "' at position " + (start + 1)
                        + (c == '–' || c == '—' ? " (use a plain hyphen '-')" : ""));
            }
        }
        tokens.add(new Token(Type.END, "", s.length() + 1));
        return tokens;
    }

    static String describe(Token token) {
        return token.type() == Type.END ? " (the value ends there)" : ", not '" + token.text() + "'";
    }

    static Syntax unknownWeekday(Token token) {
        return new Syntax("unknown weekday '" + token.text() + "' at position " + token.pos()
                + " (Mo, Tu, We, Th, Fr, Sa, Su, PH or SH)");
    }

    /** The most helpful thing to say about a token where no rule can go on. */
    static Syntax unexpected(Token token) {
        String text = token.text();
        String where = " at position " + token.pos();
        return switch (token.type()) {
            case END -> new Syntax("the value ends too early" + where);
            case TIME -> new Syntax("unexpected '" + text + "'" + where + ": separate time spans with a comma "
                    + "and rules with ';'");
            case NUM -> new Syntax("'" + text + "'" + where + " is not a time: write HH:MM (e.g. 09:00)");
            case WORD -> {
                if (FRENCH_DAYS.contains(text.toLowerCase(Locale.ROOT))) {
                    yield new Syntax("'" + text + "'" + where + ": opening_hours uses English two-letter weekdays "
                            + "(Mo, Tu, We, Th, Fr, Sa, Su)");
                }
                if (ENGLISH_DAYS.contains(text)) {
                    yield new Syntax("'" + text + "'" + where + ": weekdays have two letters (e.g. "
                            + text.substring(0, 2) + ")");
                }
                if (DAY_OR_MONTH_SHORT.matcher(text).matches()) {
                    yield unknownWeekday(token);
                }
                if (THREE_LETTERS.matcher(text).matches()) {
                    yield new Syntax("unknown month '" + text + "'" + where + " (Jan, Feb, ..., Dec)");
                }
                yield new Syntax("unexpected '" + text + "'" + where);
            }
            default -> new Syntax("unexpected '" + text + "'" + where);
        };
    }
}
