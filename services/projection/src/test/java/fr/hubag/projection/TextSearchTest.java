package fr.hubag.projection;

import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static fr.hubag.projection.support.Api.total;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free text finds the same places in the same order whichever part finds them (TextSearch): places whose first word
 * starts with a word asked (one or several such first words), places with the words among their other words (name,
 * commune, address, summary), both, closed ones left out, page after page by cursor; and a word starting too many
 * first words is listed the plain way. Here the other words are found by a walk of the name order (the directory of
 * the tests is small); {@link TextSearchByIndexTest} runs the same with a walk of one name, so by the GIN index.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class TextSearchTest {

    @Test
    void firstWordsAndOtherWordsMakeOneListingInNameOrder() {
        String tag = Api.tag();
        register("Alpha " + tag, null);                 // the word among the others (in the name)
        register(tag + " Alpha", null);                 // the first word
        register(tag + "b Bravo", null);                // another first word starting with it
        register("Zulu", "Près de " + tag + "c.");      // among the others (in the summary)
        ActorStream closed = register(tag + " Accueil fermé", null);
        closed.publish("ActorClosed", Events.closed(closed, "2026-01-01"));
        register("Other " + tag.substring(0, 6), null); // a shorter word: no match
        String path = "/territories/MQ/actors?q=" + tag;
        await(path + "&includeClosed=true", r -> total(r) == 5);
        await(path, r -> total(r) == 4);
        // in the order of lower(name), whatever the collation (no two names differ first by a space)
        List<String> expected = List.of("Alpha " + tag, "Zulu", tag + " Alpha", tag + "b Bravo");
        assertThat(names(get(path))).containsExactlyElementsOf(expected);
        assertThat(paged(path, 1)).containsExactlyElementsOf(expected);
        assertThat(paged(path, 3)).containsExactlyElementsOf(expected);

        // two words: each is the first word of one place and among the other words of the other
        ValidatableResponse two = get("/territories/MQ/actors?q=alpha%20" + tag);
        assertThat(names(two)).containsExactly("Alpha " + tag, tag + " Alpha");
        assertThat(total(two)).isEqualTo(2);
        assertThat(names(get("/territories/MQ/actors?q=" + tag + "%20lamentin&size=3")))
                .containsExactly("Alpha " + tag, "Zulu", tag + " Alpha");
        assertThat(total(get("/territories/MQ/actors?q=" + tag + "%20zzzz"))).isZero();
        // with another filter, and with the closed places
        assertThat(names(get(path + "&commune=97213&includeClosed=true"))).containsExactly("Alpha " + tag, "Zulu",
                tag + " Accueil fermé", tag + " Alpha", tag + "b Bravo");
    }

    @Test
    void twoRareWordsTwoCommonWordsAndAWordWithoutMatch() {
        String one = Api.tag();
        String two = Api.tag();
        register(one + " Relais " + two, null);     // the first word, the other in the rest of the name
        register(two + " Relais", "Avec " + one + "."); // the other way round, in the summary
        register("Relais " + one + " " + two, null);  // both among the other words
        register(one + " Seul", null);                // one word only
        register("Seul " + two, null);
        String path = "/territories/MQ/actors?q=" + one + "%20" + two;
        await(path, r -> total(r) == 3);
        List<String> expected = new ArrayList<>(List.of(one + " Relais " + two, two + " Relais",
                "Relais " + one + " " + two));
        expected.sort(java.util.Comparator.comparing(name -> name.toLowerCase(java.util.Locale.ROOT)));
        assertThat(names(get(path))).containsExactlyElementsOf(expected);
        assertThat(paged(path, 1)).containsExactlyElementsOf(expected);
        assertThat(paged("/territories/MQ/actors?q=" + two + "%20" + one.substring(0, 5), 2))
                .containsExactlyElementsOf(expected);

        // two words every place here has (its commune, Le Lamentin): the same listing as one of them
        String common = "/territories/MQ/actors?size=7&q=lamentin";
        ValidatableResponse both = await(common + "%20le", r -> names(r).equals(names(get(common))));
        assertThat(total(both)).isEqualTo(total(get(common)));

        // a word no place has, with a rare one and with a common one
        assertThat(total(get(path + "%20qjxw"))).isZero();
        assertThat(total(get("/territories/MQ/actors?q=lamentin%20qjxw"))).isZero();
    }

    @Test
    void aWordStartingManyFirstWordsIsListedThePlainWay() {
        String tag = Api.tag();
        List<String> expected = new ArrayList<>();
        for (char c = 'a'; c <= 'r'; c++) { // 18 first words: more than the parts TextSearch reads
            register(tag + c + " Lieu", null);
            expected.add(tag + c + " Lieu");
        }
        register("Lieu " + tag, null);
        expected.addFirst("Lieu " + tag);
        String path = "/territories/MQ/actors?q=" + tag;
        await(path, r -> total(r) == expected.size());
        assertThat(paged(path, 7)).containsExactlyElementsOf(expected);
    }

    private static ActorStream register(String name, String summary) {
        ActorStream actor = ActorStream.create("MQ");
        actor.publish("ActorRegistered", Events.registered(actor, Places.place("MQ", name)
                .put("summary", summary == null ? "Un lieu." : summary)));
        return actor;
    }

    /** Every name of the listing, {@code size} a page, following the next links. */
    static List<String> paged(String path, int size) {
        List<String> names = new ArrayList<>();
        String next = path + "&size=" + size;
        while (next != null) {
            ValidatableResponse page = get(next);
            names.addAll(names(page));
            String link = page.extract().path("next");
            next = link == null ? null : link.substring(Api.BASE.length());
        }
        return names;
    }

    static List<String> names(ValidatableResponse response) {
        return response.extract().path("items.name");
    }
}
