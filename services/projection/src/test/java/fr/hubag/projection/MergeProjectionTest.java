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
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static fr.hubag.projection.support.Api.total;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * ActorsMerged, whose two copies are on two streams, hence on any two partitions and in any order: the absorbed
 * actor redirects to the survivor, which now holds the absorbed actor's labels and employs its aidants, and a late
 * event of the absorbed stream does not undo the move.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class MergeProjectionTest {

    @Test
    void theAbsorbedActorRedirectsAndItsLabelsAndAidantsMoveToTheSurvivor() {
        String tag = Api.tag();
        ActorStream survivor = ActorStream.create("MQ");
        ActorStream absorbed = ActorStream.create("MQ");
        survivor.publish("ActorRegistered", Events.registered(survivor, Places.place("MQ", "Survivor " + tag)));
        absorbed.publish("ActorRegistered", Events.registered(absorbed, Places.place("MQ", "Absorbed " + tag)));
        absorbed.publish("LabelGranted", Events.labelGranted(absorbed, "APTIC", "2025-01-01", null));
        UUID aidant = UUID.randomUUID();
        JsonArray trainings = new JsonArray().add(Events.training("Parcours médiateur", 35, "2024-06-28"));
        JsonArray labels = new JsonArray().add(Events.grant("APTIC", "2025-01-01", null));
        JsonArray aidants = new JsonArray().add(Events.movedAidant(aidant, "Sandrine Ursulet",
                "mediateur_numerique", "2024-02-01", trainings));

        // the survivor's copy first; the absorbed stream's own aidant events only after it (another partition)
        survivor.publish("ActorsMerged", Events.merged(survivor, survivor, absorbed, labels, aidants));
        String survivorAidants = "/territories/MQ/actors/" + survivor.id() + "/aidants";
        String coordinator = TestTokens.coordinator("MQ");
        await(coordinator, survivorAidants, r -> r.extract().path("aidants.size()").equals(1));
        absorbed.publish("AidantEnrolled", Events.aidantEnrolled(absorbed, aidant, "Sandrine Ursulet",
                "mediateur_numerique", "2024-02-01"));
        absorbed.publish("AidantTrainingCompleted", Events.trainingCompleted(absorbed, aidant, "Parcours médiateur",
                35, "2024-06-28"));
        absorbed.publish("ActorsMerged", Events.merged(absorbed, survivor, absorbed, labels, aidants));

        String absorbedPath = "/territories/MQ/actors/" + absorbed.id();
        await(absorbedPath, r -> r.extract().statusCode() == 301)
                .statusCode(301).contentType("application/problem+json").body("code", equalTo("actor-merged"))
                .header("Location", endsWith("/api/projection/territories/MQ/actors/" + survivor.id()));
        get(absorbedPath + "/labels?on=2026-01-01").statusCode(301)
                .header("Location", endsWith("/actors/" + survivor.id() + "/labels?on=2026-01-01"));
        get(absorbedPath + "/aidants").statusCode(301);
        get(TestTokens.hubAdmin(), "/hub/actors/" + absorbed.id()).statusCode(301)
                .header("Location", endsWith("/api/projection/hub/actors/" + survivor.id()));

        // the late AidantEnrolled of the absorbed stream did not move the aidant back, nor duplicate a training
        Api.get(coordinator, survivorAidants).body("aidants.name", contains("Sandrine Ursulet"))
                .body("aidants[0].trainings.size()", equalTo(1));
        get(coordinator, "/territories/MQ/actors/" + absorbed.id() + "/aidants").statusCode(301);
        get(TestTokens.hubAdmin(), "/hub/actors/" + survivor.id() + "/aidants")
                .body("aidants.name", contains("Sandrine Ursulet"));

        // the carried grant makes the survivor labelled; the absorbed actor is out of every listing
        get("/territories/MQ/actors/" + survivor.id() + "/labels?on=2026-01-01")
                .body("labels.label", contains("APTIC"));
        get("/territories/MQ/actors?q=" + tag + "&label=APTIC&on=2026-01-01")
                .body("total", equalTo(1)).body("items[0].actorId", equalTo(survivor.id().toString()));
        await("/territories/MQ/actors?q=" + tag, r -> total(r) == 1)
                .body("items[0].name", equalTo("Survivor " + tag));
        get("/territories/MQ/labels/APTIC/actors?on=2026-01-01")
                .body("items.actorId", hasItem(survivor.id().toString()))
                .body("items.actorId", org.hamcrest.Matchers.not(hasItem(absorbed.id().toString())));
        get("/territories/MQ/places.geojson?q=" + tag).body("features.size()", equalTo(1));
    }

    @Test
    void aRevocationOnTheSurvivorCutsCarriedGrantsToo() {
        ActorStream survivor = ActorStream.create("GP");
        ActorStream absorbed = ActorStream.create("GP");
        survivor.publish("ActorRegistered", Events.registered(survivor, Places.place("GP", "Keeps " + Api.tag())));
        absorbed.publish("ActorRegistered", Events.registered(absorbed, Places.place("GP", "Goes " + Api.tag())));
        JsonArray labels = new JsonArray().add(Events.grant("France Services", "2024-01-01", null));
        survivor.publish("LabelGranted", Events.labelGranted(survivor, "France Services", "2024-01-01", null));
        absorbed.publish("ActorsMerged", Events.merged(absorbed, survivor, absorbed, labels, new JsonArray()));
        survivor.publish("ActorsMerged", Events.merged(survivor, survivor, absorbed, labels, new JsonArray()));
        survivor.publish("LabelRevoked", Events.labelRevoked(survivor, "France Services", "2026-01-01"));
        String path = "/territories/GP/actors/" + survivor.id() + "/labels";
        await(path + "?on=2025-12-31", r -> "2025-12-31".equals(r.extract().path("labels[0].validUntil")));
        get(path + "?on=2026-01-01").body("labels.size()", equalTo(0));
    }
}
