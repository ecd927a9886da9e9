package fr.hubag.actors.domain.place;

import fr.hubag.actors.domain.place.PhoneNumbers.Normalised;
import fr.hubag.actors.domain.place.PhoneNumbers.Rejected;
import fr.hubag.domain.Territory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0596123456", "05 96 12 34 56", "0596.12.34.56", "0596-12-34-56", "+33 5 96 12 34 56",
            "+33596123456", "+33 (0)5 96 12 34 56", "0033596123456", "+596596123456", "+596 596 12 34 56",
            "00596596123456", " (0596) 12 34 56 "})
    void every_usual_martinique_form_gives_e164(String raw) {
        assertThat(PhoneNumbers.normalise(raw, Territory.MQ)).isEqualTo(new Normalised("+596596123456"));
    }

    @Test
    void each_territory_has_its_prefixes_and_country_code() {
        assertThat(PhoneNumbers.normalise("0696 12 34 56", Territory.MQ)).isEqualTo(new Normalised("+596696123456"));
        assertThat(PhoneNumbers.normalise("0697123456", Territory.MQ)).isEqualTo(new Normalised("+596697123456"));
        assertThat(PhoneNumbers.normalise("0590 12 34 56", Territory.GP)).isEqualTo(new Normalised("+590590123456"));
        assertThat(PhoneNumbers.normalise("0691 12 34 56", Territory.GP)).isEqualTo(new Normalised("+590691123456"));
        assertThat(PhoneNumbers.normalise("0590 87 50 04", Territory.MF)).isEqualTo(new Normalised("+590590875004"));
        assertThat(PhoneNumbers.normalise("0594 12 34 56", Territory.GF)).isEqualTo(new Normalised("+594594123456"));
        assertThat(PhoneNumbers.normalise("+594 694 12 34 56", Territory.GF))
                .isEqualTo(new Normalised("+594694123456"));
    }

    @Test
    void refuses_a_number_of_another_territory_naming_the_expected_one() {
        assertThat(PhoneNumbers.normalise("0590 12 34 56", Territory.MQ)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("Guadeloupe", "Martinique place needs +596 (0596, 0696, 0697)"));
        assertThat(PhoneNumbers.normalise("+596596123456", Territory.GF)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("a Martinique number", "+594 (0594, 0694)"));
        assertThat(PhoneNumbers.normalise("+590596123456", Territory.MQ)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("+590", "+596596123456"));
    }

    @Test
    void refuses_mainland_and_foreign_numbers() {
        assertThat(PhoneNumbers.normalise("+33 1 80 05 98 80", Territory.MQ)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("mainland France", "+596"));
        assertThat(PhoneNumbers.normalise("06 12 34 56 78", Territory.GP)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("mainland France", "+590 (0590, 0690, 0691)"));
        assertThat(PhoneNumbers.normalise("0262 12 34 56", Territory.GP)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("Réunion"));
        assertThat(PhoneNumbers.normalise("+1 721 542 1234", Territory.MF)).isInstanceOf(Rejected.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "n/a", "0596 12 34", "0596 12 34 56 78", "596123456", "+596 12 34",
            "0596123456 / 0696123456", "tel: 0596123456", "+596abc"})
    void refuses_garbage(String raw) {
        assertThat(PhoneNumbers.normalise(raw, Territory.MQ)).isInstanceOf(Rejected.class);
    }

    @Test
    void nine_digits_of_a_hub_number_get_their_leading_zero_back() {
        assertThat(PhoneNumbers.withLeadingZero("596516976")).isEqualTo("0596516976");
        assertThat(PhoneNumbers.withLeadingZero("696 04 21 00")).isEqualTo("0696042100");
        assertThat(PhoneNumbers.withLeadingZero("612345678")).isNull();
        assertThat(PhoneNumbers.withLeadingZero("0596516976")).isNull();
        assertThat(PhoneNumbers.withLeadingZero(null)).isNull();
    }
}
