package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.IssuedPass;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An order's booklets grow without copying, and no version of them ever changes. */
class BookletsTest {

    private static List<IssuedPass> passes(String prefix) {
        return List.of(new IssuedPass(UUID.randomUUID(), prefix + "-hash"));
    }

    @Test
    void eachVersionKeepsItsOwnBookletsWhenAnOlderOneIsExtendedAgain() {
        Booklets one = Booklets.NONE.with(1, passes("a"));
        Booklets two = one.with(2, passes("b"));
        Booklets other = one.with(2, passes("c"));   // one is no longer the latest: its prefix is copied

        assertThat(one).hasSize(1).containsOnlyKeys(1);
        assertThat(two.get(2)).isNotEqualTo(other.get(2));
        assertThat(two.get(1)).isSameAs(other.get(1));
        assertThat(Booklets.NONE).isEmpty();
        assertThat(two.with(3, passes("d"))).hasSize(3);
        assertThat(two).hasSize(2).doesNotContainKey(3);
    }

    @Test
    void readsLikeAnyMapOfItsBookletsInNumberOrder() {
        Map<Integer, List<IssuedPass>> plain = new TreeMap<>(Map.of(2, passes("b"), 1, passes("a"), 4, passes("d")));
        Booklets booklets = Booklets.of(plain);

        assertThat(booklets).isEqualTo(plain).containsOnlyKeys(1, 2, 4);
        assertThat(booklets.get(3)).isNull();
        assertThat(booklets.entrySet()).extracting(Map.Entry::getKey).containsExactly(1, 2, 4);
        assertThat(Booklets.of(booklets)).isSameAs(booklets);
    }

    @Test
    void aThousandBookletsFoldIntoOneSharedList() {
        Booklets all = Booklets.NONE;
        for (int b = 1; b <= 1000; b++) {
            all = all.with(b, passes("p" + b));
        }
        assertThat(all).hasSize(1000);
        assertThat(all.get(1000)).isNotNull();
    }
}
