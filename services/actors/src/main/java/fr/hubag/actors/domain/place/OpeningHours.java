package fr.hubag.actors.domain.place;

import fr.hubag.actors.domain.place.OpeningHoursLexer.Syntax;
import fr.hubag.actors.domain.place.OpeningHoursLexer.Token;
import fr.hubag.actors.domain.place.OpeningHoursLexer.Type;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks {@code horaires} against the OpenStreetMap opening_hours syntax the standard requires, for the forms
 * producers use: {@code 24/7}; rules separated by {@code ;}, {@code ,} or {@code ||}; year, month, date and week
 * ranges; weekdays ({@code Mo-Fr}, {@code Mo[1]}, {@code PH}, {@code SH}); time spans ({@code 09:00-12:00},
 * {@code 08:00+}, {@code sunrise-sunset}, overnight {@code 22:00-02:00}); {@code open|closed|off|unknown} and a
 * quoted comment. It answers with the first problem and its 1-based position, so a producer can fix it by hand.
 */
public final class OpeningHours {

    private static final Pattern YEAR = Pattern.compile("(19|2\\d)\\d\\d");

    private static final List<String> WEEKDAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final int[] MONTH_DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final Set<String> EVENTS = Set.of("sunrise", "sunset", "dawn", "dusk");
    private static final Set<String> MODIFIERS = Set.of("open", "closed", "off", "unknown");

    private OpeningHours() {}

    /** The first syntax problem of an opening_hours value, or empty when it is valid. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("the opening hours are empty");
        }
        try {
            new Parser(OpeningHoursLexer.lex(value)).domain();
            return Optional.empty();
        } catch (Syntax e) {
            return Optional.of(e.getMessage());
        }
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) { this.tokens = tokens; }

        private Token peek() { return peek(0); }

        private Token peek(int ahead) { return tokens.get(Math.min(at + ahead, tokens.size() - 1)); }

        private Token next() { return tokens.get(at++); }

        void domain() {
            rule();
            while (peek().type() != Type.END) {
                Token separator = peek();
                if (!separator.is(";") && !separator.is(",") && !separator.is("||")) {
                    throw OpeningHoursLexer.unexpected(separator);
                }
                next();
                if (peek().type() == Type.END) {
                    throw new Syntax("nothing follows the '" + separator.text() + "' at position " + separator.pos());
                }
                rule();
            }
        }

        private void rule() {
            int start = at;
            if (peek().text().equals("24") && peek(1).is("/") && peek(2).text().equals("7")) {
                at += 3;
            } else {
                boolean wide = false;
                if (isYear(peek())) { list(this::yearRange, this::isYear); wide = true; }
                if (isMonth(peek())) { list(this::monthdayRange, this::isMonth); wide = true; }
                if (peek().text().equals("week")) { week(); wide = true; }
                if (wide && peek().is(":")) next();
                if (isDay(peek())) list(this::weekdayRange, this::isDay);
                if (isTimeStart(peek())) list(this::timespan, this::isTimeStart);
            }
            if (peek().type() == Type.WORD && MODIFIERS.contains(peek().text())) next();
            if (peek().type() == Type.STRING) next();
            if (at == start) {
                throw OpeningHoursLexer.unexpected(peek());
            }
        }

        /** Items separated by commas, as long as what follows a comma is another item (else it separates rules). */
        private void list(Runnable item, Predicate<Token> startsItem) {
            item.run();
            while (peek().is(",") && startsItem.test(peek(1))) {
                next();
                item.run();
            }
        }

        private void yearRange() {
            next();
            if (peek().is("-") && isYear(peek(1))) {
                next();
                next();
                if (peek().is("/")) { next(); number(1, 100, "a year interval"); }
            } else if (peek().is("+")) {
                next();
            }
        }

        private void monthdayRange() {
            int month = MONTHS.indexOf(next().text());
            if (peek().type() == Type.NUM && !isYear(peek())) {
                day(month);
                if (peek().is("-")) {
                    Token dash = next();
                    if (isMonth(peek())) {
                        int to = MONTHS.indexOf(next().text());
                        if (peek().type() == Type.NUM) day(to);
                    } else if (peek().type() == Type.NUM) {
                        day(month);
                    } else {
                        throw new Syntax("a month or day is expected after the '-' at position " + dash.pos());
                    }
                } else if (peek().is("+")) {
                    next();
                }
            } else if (peek().is("-")) {
                Token dash = next();
                if (!isMonth(peek())) {
                    throw new Syntax("a month (Jan..Dec) is expected after the '-' at position " + dash.pos());
                }
                next();
            }
        }

        private void day(int month) {
            Token day = peek();
            int value = number(1, 31, "a day of the month");
            if (value > MONTH_DAYS[month]) {
                throw new Syntax("invalid date '" + MONTHS.get(month) + " " + day.text() + "' at position "
                        + day.pos());
            }
        }

        private void week() {
            next();
            list(() -> {
                number(1, 53, "a week number");
                if (peek().is("-")) { next(); number(1, 53, "a week number"); }
                if (peek().is("/")) { next(); number(1, 53, "a week interval"); }
            }, t -> t.type() == Type.NUM);
        }

        private void weekdayRange() {
            Token day = next();
            if (day.text().equals("SH")) {
                return;
            }
            if (day.text().equals("PH")) {
                dayOffset();
                return;
            }
            if (peek().is("-") && peek(1).type() == Type.WORD) {
                next();
                Token to = next();
                if (!WEEKDAYS.contains(to.text())) {
                    throw OpeningHoursLexer.unknownWeekday(to);
                }
            } else if (peek().is("[")) {
                next();
                list(() -> {
                    if (peek().is("-")) next();
                    number(1, 5, "a week of the month (1 to 5)");
                    if (peek().is("-")) { next(); number(1, 5, "a week of the month (1 to 5)"); }
                }, t -> t.type() == Type.NUM || t.is("-"));
                expect("]");
                dayOffset();
            }
        }

        /** "+1 day" / "-2 days" after PH or Mo[1]. */
        private void dayOffset() {
            if ((peek().is("+") || peek().is("-")) && peek(1).type() == Type.NUM
                    && (peek(2).text().equals("day") || peek(2).text().equals("days"))) {
                at += 3;
            }
        }

        private void timespan() {
            time(24);
            if (peek().is("+")) {
                next();
            } else if (peek().is("-")) {
                Token dash = next();
                if (!isTimeStart(peek())) {
                    throw new Syntax("incomplete time range: a time (HH:MM) is expected after the '-' at position "
                            + dash.pos());
                }
                time(48);
                if (peek().is("+")) next();
                if (peek().is("/")) {
                    next();
                    if (peek().type() == Type.TIME) time(24); else number(1, 1440, "an interval in minutes");
                }
            }
        }

        /** A time of day; {@code maxHour} 48 for the end of a span, which may run past midnight (26:00). */
        private void time(int maxHour) {
            Token token = next();
            if (token.type() == Type.WORD && EVENTS.contains(token.text())) {
                return;
            }
            if (token.is("(")) {
                Token event = next();
                if (!EVENTS.contains(event.text())) {
                    throw new Syntax("sunrise, sunset, dawn or dusk is expected at position " + event.pos());
                }
                Token sign = next();
                if (!sign.is("+") && !sign.is("-")) {
                    throw new Syntax("'+' or '-' is expected at position " + sign.pos());
                }
                time(24);
                expect(")");
                return;
            }
            String[] parts = token.text().split(":");
            if (parts[0].length() != 2 || parts[1].length() != 2) {
                throw new Syntax("invalid time '" + token.text() + "' at position " + token.pos()
                        + ": write HH:MM with two digits each (e.g. 09:00)");
            }
            int hour = Integer.parseInt(parts[0]);
            int minute = Integer.parseInt(parts[1]);
            if (hour > maxHour || minute > 59 || (hour == maxHour && minute > 0)) {
                throw new Syntax("invalid time '" + token.text() + "' at position " + token.pos() + ": hours go "
                        + "from 00 to " + maxHour + ", minutes from 00 to 59");
            }
        }

        private int number(int min, int max, String what) {
            Token token = next();
            if (token.type() != Type.NUM) {
                throw new Syntax(what + " is expected at position " + token.pos() + OpeningHoursLexer.describe(token));
            }
            int value = token.text().length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(token.text());
            if (value < min || value > max) {
                throw new Syntax("'" + token.text() + "' at position " + token.pos() + " is not " + what);
            }
            return value;
        }

        private void expect(String punct) {
            Token token = next();
            if (!token.is(punct)) {
                throw new Syntax("'" + punct + "' is expected at position " + token.pos()
                        + OpeningHoursLexer.describe(token));
            }
        }

        private boolean isYear(Token t) { return t.type() == Type.NUM && YEAR.matcher(t.text()).matches(); }

        private boolean isMonth(Token t) { return t.type() == Type.WORD && MONTHS.contains(t.text()); }

        private boolean isDay(Token t) {
            return t.type() == Type.WORD && (WEEKDAYS.contains(t.text()) || t.text().equals("PH")
                    || t.text().equals("SH"));
        }

        private boolean isTimeStart(Token t) {
            return t.type() == Type.TIME || t.is("(") || (t.type() == Type.WORD && EVENTS.contains(t.text()));
        }
    }

}
