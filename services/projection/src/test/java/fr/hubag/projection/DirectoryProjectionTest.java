package fr.hubag.projection;

import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static fr.hubag.projection.support.Api.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The directory read models, fed by real records on the actors' topic: every filter narrows as it says, a
 * territory sees only its own places and the hub all of them, old (v1) registrations still project, closed places
 * are hidden unless asked for, anyone may read (open data).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class DirectoryProjectionTest {

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> names(ValidatableResponse response) {
        return response.extract().path("items.name");
    }

    @Test
    void eachFilterNarrowsTheDirectoryAndTerritoriesAreApart() {
        String tag = Api.tag();
        ActorStream lamentin = ActorStream.create("MQ");
        lamentin.publish("ActorRegistered", Events.registered(lamentin, Places.with(Places.with(Places.with(
                Places.place("MQ", "Alpha " + tag), "services", "Aide aux démarches administratives"),
                "publics", "Seniors"), "accessModes", "Téléphoner")));
        ActorStream francois = ActorStream.create("MQ");
        JsonObject francoisPlace = Places.commune(Places.with(Places.with(Places.place("MQ", "Bravo " + tag),
                "typologies", "MUNI", "BIB"), "supportModes", "En autonomie"), "Le François", "97210", "97240");
        francois.publish("ActorRegistered", Events.registered(francois, francoisPlace));
        francois.publish("LabelGranted", Events.labelGranted(francois, "APTIC", "2025-01-01", "2025-12-31"));
        ActorStream closed = ActorStream.create("MQ");
        closed.publish("ActorRegistered", Events.registered(closed, Places.place("MQ", "Charlie " + tag)));
        closed.publish("ActorClosed", Events.closed(closed, "2026-10-01"));
        ActorStream guadeloupe = ActorStream.create("GP");
        guadeloupe.publish("ActorRegistered", Events.registered(guadeloupe, Places.place("GP", "Delta " + tag)));
        ActorStream guyane = ActorStream.create("GF");
        guyane.publish("ActorRegistered", Events.registered(guyane, Places.place("GF", "Echo " + tag)));
        ActorStream saintMartin = ActorStream.create("MF");
        saintMartin.publish("ActorRegistered", Events.registered(saintMartin, Places.place("MF", "Foxtrot " + tag)));

        String mq = "/territories/MQ/actors?q=" + tag;
        await(mq + "&includeClosed=true", r -> total(r) == 3 && r.extract().path("items[2].closedOn") != null)
                .statusCode(200);
        assertThat(names(get(mq))).containsExactly("Alpha " + tag, "Bravo " + tag);
        assertThat(names(get(mq + "&includeClosed=true"))).containsExactly("Alpha " + tag, "Bravo " + tag,
                "Charlie " + tag);
        assertThat(names(get(mq + "&commune=97210"))).containsExactly("Bravo " + tag);
        assertThat(names(get(mq + "&commune=" + enc("le francois")))).containsExactly("Bravo " + tag);
        assertThat(names(get(mq + "&commune=" + enc("Le Lamentin")))).containsExactly("Alpha " + tag);
        assertThat(names(get(mq + "&service=" + enc("Aide aux démarches administratives"))))
                .containsExactly("Alpha " + tag);
        assertThat(names(get(mq + "&public=Seniors"))).containsExactly("Alpha " + tag);
        assertThat(names(get(mq + "&modality=" + enc("Téléphoner")))).containsExactly("Alpha " + tag);
        assertThat(names(get(mq + "&modality=" + enc("En autonomie")))).containsExactly("Bravo " + tag);
        assertThat(names(get(mq + "&typology=BIB"))).containsExactly("Bravo " + tag);
        assertThat(names(get(mq + "&typology=EPN"))).containsExactly("Alpha " + tag);
        assertThat(names(get(mq + "&label=APTIC&on=2025-06-01"))).containsExactly("Bravo " + tag);
        assertThat(names(get(mq + "&label=APTIC&on=2026-01-01"))).isEmpty();
        get(mq + "&on=2025-06-01").body("items[1].labels[0].label", equalTo("APTIC"))
                .body("items[1].labels[0].validUntil", equalTo("2025-12-31"));
        assertThat(names(get("/territories/MQ/actors?q=" + enc("ALPHA " + tag.toUpperCase() + " lament"))))
                .containsExactly("Alpha " + tag);

        get(mq + "&size=1&page=1").body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items.name", contains("Bravo " + tag));
        get(mq + "&size=1&page=5").body("total", equalTo(2)).body("items.size()", equalTo(0));

        assertThat(names(await("/territories/GP/actors?q=" + tag, r -> total(r) == 1))).containsExactly("Delta " + tag);
        assertThat(names(await("/territories/GF/actors?q=" + tag, r -> total(r) == 1))).containsExactly("Echo " + tag);
        await("/territories/MF/actors?q=" + tag, r -> total(r) == 1);
        ValidatableResponse hub = await(TestTokens.hubAdmin(), "/hub/actors?q=" + tag, r -> total(r) == 5);
        assertThat(names(hub)).containsExactly("Alpha " + tag, "Bravo " + tag, "Delta " + tag, "Echo " + tag,
                "Foxtrot " + tag);
        hub.body("items.territory", contains("MQ", "MQ", "GP", "GF", "MF"));

        // keyset paging: following next two at a time gives every place once, in order, and the last has no next
        List<String> paged = new java.util.ArrayList<>();
        String next = "/hub/actors?size=2&q=" + tag;
        for (int pages = 0; next != null && pages < 5; pages++) {
            ValidatableResponse page = get(next).body("total", equalTo(5)).body("totalCapped", equalTo(false));
            paged.addAll(names(page));
            String link = page.extract().path("next");
            next = link == null ? null : link.substring(Api.BASE.length());
        }
        assertThat(next).isNull();
        assertThat(paged).containsExactly("Alpha " + tag, "Bravo " + tag, "Delta " + tag, "Echo " + tag,
                "Foxtrot " + tag);
        // the map pages alike (next is a foreign member of the FeatureCollection, absent on the last page)
        List<String> mapped = new java.util.ArrayList<>();
        next = "/hub/places.geojson?size=3&q=" + tag;
        for (int pages = 0; next != null && pages < 5; pages++) {
            ValidatableResponse page = get(next).body("type", equalTo("FeatureCollection"));
            mapped.addAll(page.extract().path("features.properties.name"));
            String link = page.extract().path("next");
            next = link == null ? null : link.substring(Api.BASE.length());
        }
        assertThat(mapped).containsExactly("Alpha " + tag, "Bravo " + tag, "Delta " + tag, "Echo " + tag,
                "Foxtrot " + tag);
        // the page-numbered form links on by cursor too
        String fromPage = get("/hub/actors?size=2&page=1&q=" + tag).extract().path("next");
        assertThat(names(get(fromPage.substring(Api.BASE.length())))).containsExactly("Foxtrot " + tag);
    }

    @Test
    void aPlaceShowsItsStandardFieldsAndDetailsChangesReplaceIt() {
        String tag = Api.tag();
        ActorStream actor = ActorStream.create("GP");
        JsonObject place = Places.with(Places.place("GP", "Cyber " + tag), "programmes", "Conseillers numériques");
        actor.publish("ActorRegistered", Events.registered(actor, place));
        String path = "/territories/GP/actors/" + actor.id();
        await(path, r -> r.extract().statusCode() == 200).statusCode(200)
                .body("name", equalTo("Cyber " + tag)).body("commune.inseeCode", equalTo("97120"))
                .body("latitude", equalTo(16.241f)).body("phone", equalTo("+590590123456"))
                .body("programmes", contains("Conseillers numériques")).body("pivot", equalTo("21972013500017"))
                .body("specificSupport", contains("Surdité")).body("closedOn", nullValue());

        actor.publish("ActorDetailsChanged", Events.detailsChanged(actor, Places.with(
                Places.place("GP", "Cyber renamed " + tag), "services", "Loisirs et créations numériques")));
        await(path, r -> ("Cyber renamed " + tag).equals(r.extract().path("name")))
                .body("services", contains("Loisirs et créations numériques"));
        assertThat(names(get("/territories/GP/actors?q=renamed%20" + tag))).containsExactly("Cyber renamed " + tag);

        actor.publish("ActorClosed", Events.closed(actor, "2026-11-01"));
        await(path, r -> "2026-11-01".equals(r.extract().path("closedOn")));
        actor.publish("ActorReopened", Events.reopened(actor, "2026-11-15"));
        await(path, r -> r.extract().path("closedOn") == null).body("closedOn", nullValue());
        get("/territories/MQ/actors/" + actor.id()).statusCode(404).contentType("application/problem+json");
        get(TestTokens.hubAdmin(), "/hub/actors/" + actor.id()).statusCode(200).body("territory", equalTo("GP"));
    }

    @Test
    void anActorRegisteredWithTheV1SchemaStillProjects() {
        String tag = Api.tag();
        ActorStream old = ActorStream.create("GF");
        old.publish(java.util.UUID.randomUUID(), "ActorRegistered", 1,
                Events.registeredV1(old, "Ancien " + tag, "bibliotheque", "Kourou", "97304", "97310"));
        await("/territories/GF/actors/" + old.id(), r -> r.extract().statusCode() == 200)
                .body("typologies", contains("BIB")).body("pivot", equalTo("00000000000000"))
                .body("commune.name", equalTo("Kourou")).body("updatedOn", equalTo("2026-11-23"))
                .body("services.size()", equalTo(0)).body("latitude", nullValue());
        assertThat(names(get("/territories/GF/actors?q=" + tag + "&commune=97304"))).containsExactly("Ancien " + tag);
    }

    @Test
    void readsAreOpenToAnyoneWithOrWithoutAToken() {
        get("/territories/MQ/actors").statusCode(200);
        get(TestTokens.of("analyst", "GP"), "/territories/MQ/actors").statusCode(200);
        get(TestTokens.coordinator("GP"), "/territories/MQ/actors").statusCode(200);
        get("/hub/actors").statusCode(200);
        get("/hub/stats").statusCode(200);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        bad("/territories/RE/actors", "territory");
        bad("/territories/mq/actors", "territory");
        bad("/territories/MQ/actors?on=yesterday", "on");
        bad("/territories/MQ/actors?size=0", "size");
        bad("/territories/MQ/actors?size=201", "size");
        bad("/territories/MQ/actors?size=ten", "size");
        bad("/territories/MQ/actors?page=-1", "page");
        bad("/territories/MQ/actors?includeClosed=maybe", "includeClosed");
        bad("/hub/actors?service=Cours%20de%20cuisine", "service")
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Aide aux démarches administratives"));
        bad("/territories/MQ/actors?public=Retraites", "public");
        bad("/territories/MQ/actors?label=Label%20Rouge", "label")
                .body("errors[0].message", org.hamcrest.Matchers.containsString("APTIC"));
        bad("/territories/MQ/actors?modality=Par%20pigeon", "modality");
        bad("/territories/MQ/actors?typology=epn", "typology");
        bad("/territories/MQ/actors/not-a-uuid", "actorId");
        bad("/territories/MQ/labels/Label%20Rouge/actors", "label");
        bad("/territories/MQ/export?format=xml", "format");
        bad("/territories/MQ/places.geojson?service=x", "service");
        bad("/territories/MQ/stats?on=2026-13-01", "on");
        // a date PostgreSQL cannot hold once gave a 500 on every open-data endpoint that takes one
        for (String path : List.of("/territories/MQ/actors", "/hub/actors", "/territories/MQ/stats",
                "/territories/MQ/places.geojson", "/territories/MQ/labels/APTIC/actors")) {
            bad(path + "?on=-999999999-01-01", "on")
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("between 1900-01-01"));
        }
        bad("/territories/MQ/actors?cursor=not-ours", "cursor");
        bad("/territories/MQ/actors?cursor=" + new fr.hubag.projection.shared.Cursor("a", java.util.UUID.randomUUID())
                .token() + "&page=2", "page");
        bad("/territories/MQ/places.geojson?size=5001", "size");
        bad("/territories/MQ/labels/APTIC/actors?size=0", "size");
        get("/territories/MQ/actors?size=0&page=x").statusCode(400).body("errors.field", contains("page", "size"));
        get("/territories/MQ/actors/" + java.util.UUID.randomUUID()).statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
    }

    private static ValidatableResponse bad(String path, String field) {
        return get(path).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
