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
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static fr.hubag.projection.support.Api.total;
import static fr.hubag.projection.TextSearchTest.names;
import static fr.hubag.projection.TextSearchTest.paged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Several words, one starting the name, the others naming the commune or not (TextSearch reads a first word's places
 * commune by commune, V123): a word the commune starts matches all its places, the same word elsewhere in a place of
 * another commune (its summary) matches too, a word neither has matches none; accents, pages by cursor, a count
 * past the cap. {@link TextSearchByCommuneByIndexTest} runs the same with a walk of one name, so by the GIN index.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class TextSearchByCommuneTest {

    @Test
    void aCommunesWordAndAnotherWord() {
        String tag = Api.tag();
        register(tag + " Alpha", "Un lieu.", null);                       // Le Lamentin
        register(tag + " Bravo", "Près du Lamentin.", FORT_DE_FRANCE);     // lamentin outside its commune
        register(tag + " Charlie", "Un lieu.", FORT_DE_FRANCE);
        register(tag + " Delta Écluse", "Un lieu.", null);
        register("Echo " + tag, "Un lieu.", FORT_DE_FRANCE);               // the word among the others
        String path = "/territories/MQ/actors?q=";
        await(path + tag, r -> total(r) == 5);

        List<String> lamentin = List.of(tag + " Alpha", tag + " Bravo", tag + " Delta Écluse");
        ValidatableResponse both = get(path + tag + "%20lamentin");
        assertThat(names(both)).containsExactlyElementsOf(lamentin);
        assertThat(total(both)).isEqualTo(3);
        assertThat(paged(path + tag + "%20lament", 1)).containsExactlyElementsOf(lamentin);
        assertThat(paged(path + "lamentin%20" + tag, 2)).containsExactlyElementsOf(lamentin);
        // a commune of several words, any of them
        assertThat(names(get(path + tag + "%20fort"))).containsExactly("Echo " + tag, tag + " Bravo",
                tag + " Charlie");
        assertThat(names(get(path + tag + "%20de%20france"))).containsExactly("Echo " + tag, tag + " Bravo",
                tag + " Charlie");
        // the commune's word and one of the name, or of neither
        assertThat(names(get(path + tag + "%20lamentin%20alpha"))).containsExactly(tag + " Alpha");
        assertThat(names(get(path + tag + "%20bravo%20lamentin"))).containsExactly(tag + " Bravo");
        assertThat(total(get(path + tag + "%20charlie%20lamentin"))).isZero();
        assertThat(total(get(path + tag + "%20lamentin%20qjxw"))).isZero();
        // accents asked or not
        assertThat(names(get(path + "%C3%A9cluse%20" + tag.toUpperCase()))).containsExactly(tag + " Delta Écluse");
        assertThat(names(get(path + tag + "%20ecluse%20lamentin"))).containsExactly(tag + " Delta Écluse");
        assertThat(total(get(path + tag + "%20ecluse%20fort"))).isZero();
    }

    @Test
    void aWordCommonElsewhereButRareAmongTheFirstWordsPlaces() {
        String tag = Api.tag();
        String other = Api.tag();
        register(tag + " Golf", "Avenue Lumina Sophie.", FORT_DE_FRANCE);
        register(tag + " Hotel", "Boulevard Victor Hugo.", FORT_DE_FRANCE);
        register(tag + " India", "Un lieu.", null);
        for (int i = 0; i < 3; i++) {
            register(other + " Lieu " + i, "Avenue Lumina Sophie.", FORT_DE_FRANCE); // the street, another first word
        }
        String path = "/territories/MQ/actors?q=";
        await(path + other, r -> total(r) == 3);
        await(path + tag, r -> total(r) == 3);

        assertThat(names(get(path + tag + "%20lumina"))).containsExactly(tag + " Golf");
        assertThat(names(get(path + tag + "%20lum"))).containsExactly(tag + " Golf");
        assertThat(names(get(path + tag + "%20fort%20sophie"))).containsExactly(tag + " Golf");
        assertThat(names(get(path + tag + "%20lumina%20avenue"))).containsExactly(tag + " Golf");
        assertThat(names(get(path + tag + "%20victor"))).containsExactly(tag + " Hotel");
        assertThat(total(get(path + tag + "%20lumina%20hugo"))).isZero();
        assertThat(total(get(path + tag + "%20lamentin%20lumina"))).isZero();
        assertThat(total(get(path + other + "%20lum"))).isEqualTo(3);
    }

    @Test
    void aCountPastTheCap() throws Exception {
        String tag = Api.tag();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 1_002; i++) {
            ActorStream actor = ActorStream.create("MQ");
            sent.add(actor.publishAsync("ActorRegistered", Events.registered(actor,
                    Places.place("MQ", tag + " Lieu " + i))));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        String path = "/territories/MQ/actors?size=3&q=" + tag + "%20lamentin";
        await(path, r -> r.extract().<Boolean>path("totalCapped"))
                .body("total", equalTo(1_000)).body("items.size()", equalTo(3));
        String next = get(path).extract().path("next");
        get(next.substring(Api.BASE.length())).body("total", equalTo(1_000)).body("totalCapped", equalTo(true))
                .body("items.size()", equalTo(3));
    }

    private static final String[] FORT_DE_FRANCE = {"Fort-de-France", "97209", "97200"};

    private static void register(String name, String summary, String[] commune) {
        ActorStream actor = ActorStream.create("MQ");
        JsonObject place = Places.place("MQ", name).put("summary", summary);
        if (commune != null) {
            Places.commune(place, commune[0], commune[1], commune[2]);
        }
        actor.publish("ActorRegistered", Events.registered(actor, place));
    }
}
