package fr.hubag.actors.domain.place;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
            "24/7",
            "Mo-Fr 08:00-12:00, Sa 09:00-12:00",
            "Mo,We,Fr 08:00-16:00",
            "Mo-Sa 08:00-12:00; PH off",
            "Mo-Fr 08:00-17:00; Dec 25 off",
            "Jan-Mar Mo-Fr 09:00-12:00",
            "2025 Dec 24-26 closed",
            "Dec 24-Jan 02 off",
            "week 01-53/2 Mo 10:00-12:00",
            "Mo[1] 10:00-12:00",
            "Mo[1,3] 10:00-12:00; Su[-1] off",
            "Mo-Fr 08:00+",
            "sunrise-sunset",
            "(sunrise+01:00)-sunset",
            "Fr-Sa 22:00-02:00",
            "Mo-Fr 18:00-26:00",
            "Mo-Su 00:00-24:00",
            "Mo-Fr 09:00-12:00 \"sur rendez-vous\"",
            "Mo-Fr 09:00-12:00 || \"sur rendez-vous\"",
            "\"sur rendez-vous uniquement\"",
            "Tu-Th 10:00-12:00 unknown",
            "SH off; Mo-Fr 08:00-12:00",
            "PH,Su off",
            "Mo-Fr,PH 08:00-12:00",
            "Jan 01: off",
            "off",
    })
    void accepts_valid_values(String value) {
        assertThat(OpeningHours.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "lundi 9h-12h               | 'lundi' at position 1",
            "Mo-Fr 25:00-26:00          | invalid time '25:00' at position 7",
            "Mo-Fr 09:00-               | time (HH:MM) is expected after the '-' at position 12",
            "Mx 10:00-12:00             | unknown weekday 'Mx' at position 1",
            "Mo-Fx 10:00-12:00          | unknown weekday 'Fx' at position 4",
            "Mo-Fr 9:00-12:00           | invalid time '9:00' at position 7",
            "Mo-Fr 09:60-12:00          | invalid time '09:60'",
            "Mo-Fr 09:00-12:00 14:00-18:00 | separate time spans with a comma",
            "Mo-Fr 09:00-12:00;         | nothing follows the ';' at position 18",
            "Mon-Fri 09:00-12:00        | weekdays have two letters",
            "Feb 30 off                 | invalid date 'Feb 30'",
            "Jna-Mar off                | unknown month 'Jna'",
            "Mo-Fr 09h00-12h00          | '09' at position 7 is not a time",
            "Mo[6] 10:00-12:00          | is not a week of the month",
            "Mo-Fr 09:00–12:00          | use a plain hyphen",
            "Mo-Fr 09:00-12:00 \"oops   | unterminated comment",
            "Mo-Fr: 09:00-12:00         | unexpected ':' at position 6",
    })
    void rejects_invalid_values_precisely(String value, String message) {
        assertThat(OpeningHours.problem(value)).hasValueSatisfying(p -> assertThat(p).contains(message));
    }

    @Test
    void rejects_empty_values() {
        assertThat(OpeningHours.problem("  ")).isPresent();
        assertThat(OpeningHours.problem(null)).isPresent();
    }
}
