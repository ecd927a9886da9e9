package fr.hubag.actors.domain.place;

import fr.hubag.domain.Territory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerritoryBoundsTest {

    @Test
    void contains_the_main_towns() {
        assertThat(TerritoryBounds.contains(Territory.MQ, 14.6161, -61.0588)).isTrue();  // Fort-de-France
        assertThat(TerritoryBounds.contains(Territory.GP, 16.2411, -61.5331)).isTrue();  // Pointe-à-Pitre
        assertThat(TerritoryBounds.contains(Territory.GF, 4.9372, -52.3260)).isTrue();   // Cayenne
        assertThat(TerritoryBounds.contains(Territory.MF, 18.0678, -63.0823)).isTrue();  // Marigot
        assertThat(TerritoryBounds.contains(Territory.MQ, 16.2411, -61.5331)).isFalse();
    }

    @Test
    void explains_the_usual_mistakes() {
        assertThat(TerritoryBounds.problem(Territory.MQ, 14.6161, -61.0588)).isEmpty();
        assertThat(TerritoryBounds.problem(Territory.MQ, 43.52609, 5.41423))
                .hasValueSatisfying(p -> assertThat(p).contains("outside Martinique", "mainland France"));
        assertThat(TerritoryBounds.problem(Territory.MQ, -61.0588, 14.6161))
                .hasValueSatisfying(p -> assertThat(p).contains("swapped"));
        assertThat(TerritoryBounds.problem(Territory.MQ, 16.2411, -61.5331))
                .hasValueSatisfying(p -> assertThat(p).contains("in Guadeloupe"));
        assertThat(TerritoryBounds.problem(Territory.GF, 4.9372, 52.3260))
                .hasValueSatisfying(p -> assertThat(p).contains("minus sign"));
    }
}
