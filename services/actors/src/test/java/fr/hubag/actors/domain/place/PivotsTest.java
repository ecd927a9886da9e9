package fr.hubag.actors.domain.place;

import fr.hubag.actors.domain.place.Pivots.Invalid;
import fr.hubag.actors.domain.place.Pivots.Kind;
import fr.hubag.actors.domain.place.Pivots.Recognised;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PivotsTest {

    @Test
    void recognises_valid_sirets() {
        assertThat(Pivots.classify("43493312300029")).isEqualTo(new Recognised(Kind.SIRET, "43493312300029"));
        assertThat(Pivots.classify("434 933 123 00029")).isEqualTo(new Recognised(Kind.SIRET, "43493312300029"));
        assertThat(Pivots.classify("21972013500017")).isEqualTo(new Recognised(Kind.SIRET, "21972013500017"));
    }

    @Test
    void la_poste_sirets_follow_their_own_key() {
        // 3+5+6+1+2+3+5 = 25, a multiple of 5, though the Luhn key fails
        assertThat(Pivots.luhn("35600000012305")).isFalse();
        assertThat(Pivots.classify("35600000012305")).isEqualTo(new Recognised(Kind.SIRET, "35600000012305"));
        assertThat(Pivots.classify("35600000012306")).isInstanceOf(Invalid.class);
    }

    @Test
    void recognises_sirens() {
        assertThat(Pivots.classify("434933123")).isEqualTo(new Recognised(Kind.SIREN, "434933123"));
        assertThat(Pivots.classify("356000000")).isEqualTo(new Recognised(Kind.SIREN, "356000000"));
    }

    @Test
    void refuses_a_luhn_failure() {
        assertThat(Pivots.classify("43493312300028")).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).contains("SIRET", "Luhn"));
        assertThat(Pivots.classify("434933124")).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).contains("SIREN", "Luhn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"W972001234", "W9M2001234", "W2A1001234", "w972001234"})
    void recognises_rna_numbers(String rna) {
        assertThat(Pivots.classify(rna)).isInstanceOfSatisfying(Recognised.class, r -> {
            assertThat(r.kind()).isEqualTo(Kind.RNA);
            assertThat(r.value()).startsWith("W").hasSize(10);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"W97200123", "W9720012345", "WM72001234", "W97200123A", "W9MM001234", "X972001234"})
    void refuses_malformed_rna_numbers(String rna) {
        assertThat(Pivots.classify(rna)).isInstanceOf(Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000000", "00000000000", "00000000000000"})
    void recognises_the_placeholder(String zeros) {
        assertThat(Pivots.classify(zeros)).isEqualTo(new Recognised(Kind.PLACEHOLDER, zeros));
    }

    @Test
    void explains_wrong_lengths_and_characters() {
        assertThat(Pivots.classify("4349331230002")).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).contains("13 digits", "14", "9"));
        assertThat(Pivots.classify("00000000")).isInstanceOf(Invalid.class);
        assertThat(Pivots.classify("434-933-123")).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).contains("SIRET", "RNA"));
        assertThat(Pivots.classify("")).isInstanceOf(Invalid.class);
    }
}
