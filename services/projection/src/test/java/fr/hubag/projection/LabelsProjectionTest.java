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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static fr.hubag.projection.support.Api.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * "Labelled L on D" across grants and revocations, identical through the directory filter, the label's list and
 * the actor's labels; and each event applied once although Kafka may deliver it again.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class LabelsProjectionTest {

    static final String CN = "Conseillers numériques";
    static final String CN_PATH = "Conseillers%20num%C3%A9riques";

    @Test
    void aRevocationEndsTheLabelTheDayBeforeItTakesEffect() {
        String tag = Api.tag();
        ActorStream actor = ActorStream.create("MQ");
        actor.publish("ActorRegistered", Events.registered(actor, Places.place("MQ", "Label " + tag)));
        actor.publish("LabelGranted", Events.labelGranted(actor, CN, "2024-01-01", null));
        actor.publish("LabelGranted", Events.labelGranted(actor, "APTIC", "2025-09-01", null)); // starts after
        actor.publish("LabelGranted", Events.labelGranted(actor, "APTIC", "2024-03-01", "2024-12-31"));
        actor.publish("LabelRevoked", Events.labelRevoked(actor, CN, "2025-06-01"));
        actor.publish("LabelRevoked", Events.labelRevoked(actor, "APTIC", "2025-06-01"));
        String labels = "/territories/MQ/actors/" + actor.id() + "/labels";
        await(labels + "?on=2025-05-31", r -> r.extract().path("labels.size()").equals(1)
                && r.extract().path("labels[0].validUntil") != null)
                .statusCode(200).body("on", equalTo("2025-05-31"))
                .body("labels[0].label", equalTo(CN)).body("labels[0].validFrom", equalTo("2024-01-01"))
                .body("labels[0].validUntil", equalTo("2025-05-31"));
        // revoked from 2025-06-01: the CN grant is cut, the APTIC grant starting after it is gone
        await(labels + "?on=2025-10-01", r -> r.extract().path("labels.size()").equals(0));
        get(labels + "?on=2025-06-01").body("labels.size()", equalTo(0));
        get(labels + "?on=2024-06-01").body("labels.label", hasItem("APTIC")).body("labels.size()", equalTo(2));

        String directory = "/territories/MQ/actors?q=" + tag + "&label=" + CN_PATH;
        assertThat(total(get(directory + "&on=2025-05-31"))).isEqualTo(1);
        assertThat(total(get(directory + "&on=2025-06-01"))).isZero();
        assertThat(holders("/territories/MQ/labels/" + CN_PATH + "/actors?on=2025-05-31")).contains(actor.id()
                .toString());
        assertThat(holders("/territories/MQ/labels/" + CN_PATH + "/actors?on=2025-06-01")).doesNotContain(actor.id()
                .toString());
        get("/territories/MQ/labels/" + CN_PATH + "/actors?on=2025-05-31")
                .body("label", equalTo(CN)).body("on", equalTo("2025-05-31"))
                .body("items.find { it.actorId == '" + actor.id() + "' }.validUntil", equalTo("2025-05-31"))
                .body("items.find { it.actorId == '" + actor.id() + "' }.commune.inseeCode", equalTo("97213"));
        assertThat(holders("/hub/labels/" + CN_PATH + "/actors?on=2025-05-31")).contains(actor.id().toString());
        assertThat(holders("/territories/GP/labels/" + CN_PATH + "/actors?on=2025-05-31"))
                .doesNotContain(actor.id().toString());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String tag = Api.tag();
        ActorStream actor = ActorStream.create("GF");
        actor.publish("ActorRegistered", Events.registered(actor, Places.place("GF", "Twice " + tag)));
        JsonObject grant = Events.labelGranted(actor, "APTIC", "2026-01-01", null);
        UUID grantId = actor.publish("LabelGranted", grant);
        actor.publish("LabelGranted", grant.copy().put("validUntil", "2026-01-31")); // another event, same grant
        actor.publish("LabelRevoked", Events.labelRevoked(actor, "APTIC", "2026-01-15"));
        String labels = "/territories/GF/actors/" + actor.id() + "/labels?on=2026-01-10";
        await(labels, r -> "2026-01-14".equals(r.extract().path("labels[0].validUntil")));

        // the first grant again, as Kafka may redeliver it: applied again it would reopen the label for ever
        actor.redeliver(grantId, "LabelGranted", 2, grant);
        actor.publish("AidantEnrolled", Events.aidantEnrolled(actor, UUID.randomUUID(), "Marker", "benevole",
                "2026-01-02"));
        await("/territories/GF/actors/" + actor.id() + "/aidants", r -> r.extract().path("aidants.size()").equals(1));
        get(labels).body("labels[0].validUntil", equalTo("2026-01-14"));
        get("/territories/GF/actors/" + actor.id() + "/labels?on=2026-06-01").body("labels.size()", equalTo(0));
        get(TestTokens.hubAdmin(), "/hub/actors/" + actor.id() + "/labels?on=2026-01-10")
                .body("labels[0].validUntil", equalTo("2026-01-14"));
    }

    @Test
    void directoryItemsShowTheLabelsHeldOnTheDayAsked() {
        String tag = Api.tag();
        ActorStream actor = ActorStream.create("GP");
        actor.publish("ActorRegistered", Events.registered(actor, Places.place("GP", "Shown " + tag)));
        actor.publish("LabelGranted", Events.labelGranted(actor, "France Services", "2024-01-01", null));
        actor.publish("LabelGranted", Events.labelGranted(actor, "APTIC", "2026-02-01", "2026-02-28"));
        String path = "/territories/GP/actors?q=" + tag;
        ValidatableResponse response = await(path + "&on=2026-02-10",
                r -> r.extract().path("items[0].labels.size()").equals(2));
        response.body("items[0].labels[0].label", equalTo("APTIC"))
                .body("items[0].labels[1].label", equalTo("France Services"))
                .body("items[0].labels[1].validUntil", nullValue());
        get(path + "&on=2026-03-01").body("items[0].labels.label", not(hasItem("APTIC")));
    }

    @Test
    void holdersFollowARenameInNameOrder() {
        String tag = Api.tag();
        ActorStream first = promeneur("MQ", "Aaa " + tag);
        ActorStream second = promeneur("MQ", "Bbb " + tag);
        String directory = "/territories/MQ/actors?q=" + tag + "&label=Promeneurs%20du%20net&on=2025-01-01";
        await(directory, r -> total(r) == 2);
        assertThat(ours(holders("/territories/MQ/labels/Promeneurs%20du%20net/actors?on=2025-01-01&size=200"),
                first, second)).containsExactly(first.id().toString(), second.id().toString());

        // the grants carry the place's sort key: renamed, the place moves in the label's listings
        first.publish("ActorDetailsChanged", Events.detailsChanged(first, Places.place("MQ", "Ccc " + tag)));
        await(directory, r -> ("Ccc " + tag).equals(r.extract().path("items[1].name")));
        assertThat(ours(holders("/territories/MQ/labels/Promeneurs%20du%20net/actors?on=2025-01-01&size=200"),
                first, second)).containsExactly(second.id().toString(), first.id().toString());
        get(directory + "&size=1").body("items[0].name", equalTo("Bbb " + tag));
    }

    @Test
    void aLabelsListingsFollowThePlaceClosedReopenedMergedAndItsServices() {
        String tag = Api.tag();
        ActorStream actor = promeneur("MF", "Suivi " + tag);
        ActorStream absorbed = promeneur("MF", "Absorbe " + tag);
        String holders = "/territories/MF/labels/Promeneurs%20du%20net/actors?on=2025-01-01&size=200";
        String label = "/territories/MF/actors?label=Promeneurs%20du%20net&on=2025-01-01&size=200&service=";
        String internet = label + "Acc%C3%A8s%20internet%20et%20mat%C3%A9riel%20informatique";
        String leisure = label + "Loisirs%20et%20cr%C3%A9ations%20num%C3%A9riques";
        await(internet, r -> ours(ids(r), actor, absorbed).size() == 2);
        assertThat(ours(holders(holders), actor, absorbed)).containsExactly(absorbed.id().toString(),
                actor.id().toString());

        // the grants carry the place's services (V121): a change moves the place from one listing to the other
        actor.publish("ActorDetailsChanged", Events.detailsChanged(actor, Places.with(Places.place("MF",
                "Suivi " + tag), "services", "Loisirs et créations numériques")));
        await(leisure, r -> ours(ids(r), actor).size() == 1);
        assertThat(ours(ids(get(internet)), actor, absorbed)).containsExactly(absorbed.id().toString());

        // ... and whether it is open: closed, it leaves the holders and the directory unless closed ones are asked
        actor.publish("ActorClosed", Events.closed(actor, "2025-03-01"));
        await(holders, r -> ours(ids(r), actor).isEmpty());
        assertThat(ours(ids(get(leisure)), actor)).isEmpty();
        assertThat(ours(ids(get(leisure + "&includeClosed=true")), actor)).containsExactly(actor.id().toString());
        actor.publish("ActorReopened", Events.reopened(actor, "2025-04-01"));
        await(leisure, r -> ours(ids(r), actor).size() == 1);

        // ... and whether it was merged: the absorbed place leaves; its carried grant makes the survivor hold twice,
        // listed once
        JsonArray labels = new JsonArray().add(Events.grant("Promeneurs du net", "2024-01-01", null));
        absorbed.publish("ActorsMerged", Events.merged(absorbed, actor, absorbed, labels, new JsonArray()));
        actor.publish("ActorsMerged", Events.merged(actor, actor, absorbed, labels, new JsonArray()));
        await(holders, r -> ours(ids(r), absorbed).isEmpty());
        await(label + "Loisirs%20et%20cr%C3%A9ations%20num%C3%A9riques&includeClosed=true",
                r -> ours(ids(r), actor, absorbed).equals(List.of(actor.id().toString())));
        assertThat(ours(ids(get(internet)), actor, absorbed)).isEmpty();
        assertThat(ours(holders(holders), actor, absorbed)).containsExactly(actor.id().toString());
    }

    /** A place registered in {@code territory}, labelled "Promeneurs du net" since 2024-01-01. */
    private static ActorStream promeneur(String territory, String name) {
        ActorStream actor = ActorStream.create(territory);
        actor.publish("ActorRegistered", Events.registered(actor, Places.place(territory, name)));
        actor.publish("LabelGranted", Events.labelGranted(actor, "Promeneurs du net", "2024-01-01", null));
        return actor;
    }

    private static List<String> ids(ValidatableResponse response) {
        return response.statusCode(200).extract().path("items.actorId");
    }

    private static List<String> ours(List<String> ids, ActorStream... actors) {
        List<String> mine = java.util.Arrays.stream(actors).map(a -> a.id().toString()).toList();
        return ids.stream().filter(mine::contains).toList();
    }

    private static List<String> holders(String path) {
        return get(path).statusCode(200).extract().path("items.actorId");
    }
}
