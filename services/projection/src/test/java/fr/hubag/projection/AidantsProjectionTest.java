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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * An actor's aidants: the territory's staff and hub admins see enrolment, departure and trainings; the public, a
 * partner, an analyst or the staff of another territory see only names, roles and a number of trainings.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class AidantsProjectionTest {

    ActorStream actor;
    String path;

    @BeforeEach
    void anActorWithTwoAidantsOneGone() {
        actor = ActorStream.create("MQ");
        actor.publish("ActorRegistered", Events.registered(actor, Places.place("MQ", "Aidants " + Api.tag())));
        UUID alice = UUID.randomUUID();
        UUID bruno = UUID.randomUUID();
        actor.publish("AidantEnrolled", Events.aidantEnrolled(actor, alice, "Alice Joseph", "conseiller_numerique",
                "2024-09-01"));
        actor.publish("AidantTrainingCompleted", Events.trainingCompleted(actor, alice, "Pix Orga", 7.5,
                "2024-10-10"));
        actor.publish("AidantTrainingCompleted", Events.trainingCompleted(actor, alice, "Aidants Connect", 14,
                "2025-02-03"));
        actor.publish("AidantEnrolled", Events.aidantEnrolled(actor, bruno, "Bruno Léger", "benevole", "2024-01-15"));
        actor.publish("AidantDeparted", Events.aidantDeparted(actor, bruno, "2025-01-31"));
        path = "/territories/MQ/actors/" + actor.id() + "/aidants";
        await(TestTokens.hubAdmin(), path + "?includeDeparted=true",
                r -> r.extract().path("aidants.size()").equals(2)
                        && r.extract().path("aidants[1].departedOn") != null);
    }

    @Test
    void thePublicSeesNamesRolesAndHowManyTrainings() {
        for (String token : new String[] {null, TestTokens.of("partner", "MQ"), TestTokens.of("analyst", "MQ"),
                TestTokens.coordinator("GP"), TestTokens.of("mediator", "GF"), TestTokens.of("hub-admin", "GP")}) {
            ValidatableResponse response = get(token, path).statusCode(200).body("view", equalTo("public"))
                    .body("aidants.name", contains("Alice Joseph"))
                    .body("aidants[0].role", equalTo("conseiller_numerique"))
                    .body("aidants[0].trainingsCompleted", equalTo(2));
            Map<String, Object> aidant = response.extract().path("aidants[0]");
            assertThat(aidant.keySet()).isEqualTo(Set.of("name", "role", "trainingsCompleted"));
        }
    }

    @Test
    void theTerritorysStaffAndHubAdminsSeeTheFullView() {
        for (String token : new String[] {TestTokens.coordinator("MQ"), TestTokens.of("mediator", "MQ"),
                TestTokens.hubAdmin()}) {
            ValidatableResponse response = get(token, path).statusCode(200).body("view", equalTo("full"))
                    .body("aidants.name", contains("Alice Joseph"))
                    .body("aidants[0].enrolledOn", equalTo("2024-09-01"))
                    .body("aidants[0].trainings.title", contains("Pix Orga", "Aidants Connect"))
                    .body("aidants[0].trainings[0].hours", equalTo(7.5f))
                    .body("aidants[0].trainings[0].provider", equalTo("La MedNum"))
                    .body("aidants[0].trainings[1].completedOn", equalTo("2025-02-03"));
            Map<String, Object> aidant = response.extract().path("aidants[0]");
            assertThat(aidant.keySet()).isEqualTo(Set.of("name", "role", "enrolledOn", "trainings"));
        }
        get(TestTokens.hubAdmin(), "/hub/actors/" + actor.id() + "/aidants").body("view", equalTo("full"));
        get(TestTokens.coordinator("MQ"), "/hub/actors/" + actor.id() + "/aidants").body("view", equalTo("full"));
    }

    @Test
    void departedAidantsOnlyWhenAsked() {
        get(TestTokens.coordinator("MQ"), path + "?includeDeparted=true")
                .body("aidants.name", contains("Alice Joseph", "Bruno Léger"))
                .body("aidants[1].departedOn", equalTo("2025-01-31"));
        get(path + "?includeDeparted=true").body("aidants.name", contains("Alice Joseph", "Bruno Léger"))
                .body("aidants[1].departedOn", org.hamcrest.Matchers.nullValue());
        get(path + "?includeDeparted=perhaps").statusCode(400).body("errors[0].field", equalTo("includeDeparted"));
    }

    @Test
    void anInvalidTokenIsRefusedRatherThanTreatedAsAnonymous() {
        Api.as("not.a.token").get(Api.BASE + path).then().statusCode(401).contentType("application/problem+json");
    }
}
