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
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The figures of a scope. Other tests share the database, so places are counted through a typology code only this
 * test uses and by difference, and labels and aidants on a day in 1999, long before any other test's dates.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class StatsProjectionTest {

    static final String DAY = "1999-06-15";

    @Test
    void placesLabelsAndAidantsAreCountedAsOnTheDay() {
        String typology = "T" + Api.tag().toUpperCase();
        ValidatableResponse before = get("/territories/MF/stats?on=" + DAY).statusCode(200);
        int openBefore = before.extract().path("actors.open");
        int closedBefore = before.extract().path("actors.closed");
        int hubOpenBefore = get("/hub/stats?on=" + DAY).extract().path("actors.open");

        ActorStream[] places = new ActorStream[4];
        for (int i = 0; i < places.length; i++) {
            places[i] = ActorStream.create("MF");
            places[i].publish("ActorRegistered", Events.registered(places[i], Places.with(
                    Places.place("MF", "Stats " + i + " " + typology), "typologies", typology, "EPN")));
        }
        places[0].publish("LabelGranted", Events.labelGranted(places[0], "APTIC", "1999-01-01", "1999-12-31"));
        places[0].publish("LabelGranted", Events.labelGranted(places[0], "France Services", "1999-06-01", null));
        places[1].publish("LabelGranted", Events.labelGranted(places[1], "APTIC", "1999-06-15", "1999-06-15"));
        places[1].publish("LabelGranted", Events.labelGranted(places[1], "Certification PIX", "1999-06-16", null));
        places[3].publish("LabelGranted", Events.labelGranted(places[3], "APTIC", "1999-01-01", null));
        places[3].publish("ActorClosed", Events.closed(places[3], "2026-01-01")); // closed: counts nowhere
        UUID trained = UUID.randomUUID();
        places[0].publish("AidantEnrolled", Events.aidantEnrolled(places[0], trained, "A", "benevole", "1999-01-01"));
        places[0].publish("AidantTrainingCompleted", Events.trainingCompleted(places[0], trained, "Pix", 3,
                "1999-05-01"));
        UUID untrained = UUID.randomUUID();
        places[1].publish("AidantEnrolled", Events.aidantEnrolled(places[1], untrained, "B", "autre", "1999-06-15"));
        places[1].publish("AidantTrainingCompleted", Events.trainingCompleted(places[1], untrained, "Later", 2,
                "1999-07-01"));
        UUID gone = UUID.randomUUID();
        places[2].publish("AidantEnrolled", Events.aidantEnrolled(places[2], gone, "C", "autre", "1999-01-01"));
        places[2].publish("AidantDeparted", Events.aidantDeparted(places[2], gone, "1999-06-14"));
        // a merged actor counts nowhere either
        ActorStream absorbed = ActorStream.create("MF");
        absorbed.publish("ActorRegistered", Events.registered(absorbed, Places.with(
                Places.place("MF", "Stats merged " + typology), "typologies", typology)));
        absorbed.publish("ActorsMerged", Events.merged(absorbed, places[2], absorbed, new JsonArray(),
                new JsonArray()));

        ValidatableResponse stats = await("/territories/MF/stats?on=" + DAY,
                r -> equalTo(3).matches(r.extract().path("actors.byTypology." + typology))
                        && r.extract().path("aidants.active").equals(2)
                        && r.extract().path("actors.closed").equals(closedBefore + 1)
                        && r.extract().path("labelled.total").equals(2));
        stats.body("territory", equalTo("MF")).body("on", equalTo(DAY))
                .body("actors.open", equalTo(openBefore + 3))
                .body("actors.closed", equalTo(closedBefore + 1))
                .body("labelled.byLabel.APTIC", equalTo(2))
                .body("labelled.byLabel.'France Services'", equalTo(1))
                .body("labelled.byLabel.'Certification PIX'", equalTo(null))
                .body("aidants.active", equalTo(2))
                .body("aidants.trained", equalTo(1));
        int hubOpen = await("/hub/stats?on=" + DAY, r -> r.extract().path("actors.byTypology." + typology) != null)
                .body("territory", equalTo("hub")).body("actors.byTypology." + typology, equalTo(3))
                .extract().path("actors.open");
        assertThat(hubOpen).isGreaterThanOrEqualTo(hubOpenBefore + 3);
        get("/territories/GP/stats?on=" + DAY).body("actors.byTypology." + typology, equalTo(null));
        get("/territories/MF/stats").body("on", equalTo(java.time.LocalDate.now(
                java.time.ZoneId.of("America/Marigot")).toString()));
    }
}
