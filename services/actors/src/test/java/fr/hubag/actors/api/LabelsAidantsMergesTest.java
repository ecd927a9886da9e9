package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static fr.hubag.actors.api.ActorsTestSupport.as;
import static fr.hubag.actors.api.ActorsTestSupport.guadeloupeActor;
import static fr.hubag.actors.api.ActorsTestSupport.martiniqueActor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Labels over time, aidants and their trainings, and merges of duplicates, through the API. */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class LabelsAidantsMergesTest {

    static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    String register(String token, String body) {
        return as(token).body(body).post("/api/actors").then().statusCode(201).extract().path("id");
    }

    @Test
    void labelledOnADateAnswersCorrectlyAcrossARevocation() {
        String mq = TestTokens.coordinator("MQ");
        String id = register(mq, martiniqueActor("Point numérique CAF du Lamentin"));
        as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2024-01-01\"}").post("/api/actors/" + id + "/labels")
                .then().statusCode(201).header("ETag", "\"2\"");
        as(mq).body("{\"label\": \"APTIC\", \"effectiveOn\": \"2025-06-01\", \"reason\": \"audit négatif\"}")
                .post("/api/actors/" + id + "/labels/revocations")
                .then().statusCode(200).body("labels[0].validUntil", equalTo("2025-05-31"));
        String partner = TestTokens.of("partner", "MQ");
        as(partner).get("/api/actors/" + id + "/labels?label=APTIC&on=2025-05-31")
                .then().statusCode(200).body("labelled", equalTo(true)).body("grants[0].validFrom", equalTo("2024-01-01"));
        as(partner).get("/api/actors/" + id + "/labels?label=APTIC&on=2025-06-01")
                .then().statusCode(200).body("labelled", equalTo(false));
        as(partner).get("/api/actors/" + id + "/labels?label=APTIC&on=2023-12-31")
                .then().statusCode(200).body("labelled", equalTo(false));
        as(mq).body("{\"label\": \"APTIC\", \"effectiveOn\": \"2025-07-01\", \"reason\": \"again\"}")
                .post("/api/actors/" + id + "/labels/revocations")
                .then().statusCode(409).body("code", equalTo("label-not-held"));
        as(partner).get("/api/actors/" + id + "/labels?label=Label%20rouge")
                .then().statusCode(400).body("errors[0].field", equalTo("label"));
        as(partner).get("/api/actors/" + id + "/labels?on=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("on"));
    }

    @Test
    void grantsRefuseOverlapsUnknownActorsAndOtherTerritories() {
        String mq = TestTokens.coordinator("MQ");
        String id = register(mq, martiniqueActor("France Services de Sainte-Marie"));
        as(mq).body("{\"label\": \"France Services\", \"validFrom\": \"2026-01-01\", \"validUntil\": \"2026-12-31\"}")
                .post("/api/actors/" + id + "/labels").then().statusCode(201);
        as(mq).body("{\"label\": \"France Services\", \"validFrom\": \"2026-06-01\"}")
                .post("/api/actors/" + id + "/labels").then().statusCode(409).body("code", equalTo("label-already-granted"));
        as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2026-12-31\", \"validUntil\": \"2026-01-01\"}")
                .post("/api/actors/" + id + "/labels").then().statusCode(400).body("errors[0].field", equalTo("validUntil"));
        as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2026-01-01\"}")
                .post("/api/actors/" + UUID.randomUUID() + "/labels").then().statusCode(404);
        as(TestTokens.coordinator("GP")).body("{\"label\": \"APTIC\", \"validFrom\": \"2027-01-01\"}")
                .post("/api/actors/" + id + "/labels").then().statusCode(403).body("code", equalTo("outside-territory"));
        as(TestTokens.of("partner", "MQ")).body("{\"label\": \"APTIC\", \"validFrom\": \"2027-01-01\"}")
                .post("/api/actors/" + id + "/labels").then().statusCode(403);
    }

    @Test
    void enrolsAnAidantRecordsATrainingAndADeparture() {
        String gf = TestTokens.coordinator("GF");
        String id = register(gf, ActorsTestSupport.place("Guyaclic", "Cayenne", "97302", "97300", ""));
        String aidant = as(gf).body("{\"name\": \"Marie-Josée L.\", \"role\": \"conseiller_numerique\", "
                        + "\"enrolledOn\": \"2025-01-06\"}").post("/api/actors/" + id + "/aidants")
                .then().statusCode(201).header("Aidant-Id", notNullValue())
                .body("aidants[0].role", equalTo("conseiller_numerique")).extract().header("Aidant-Id");
        as(gf).body("{\"title\": \"Certification PIX\", \"provider\": \"Pix\", \"hours\": 14, \"completedOn\": \"2025-03-10\"}")
                .post("/api/actors/" + id + "/aidants/" + aidant + "/trainings")
                .then().statusCode(201).body("aidants[0].trainings[0].hours", equalTo(14));
        as(gf).body("{\"title\": \"\", \"provider\": \"Pix\", \"hours\": -2, \"completedOn\": \"2025-03-10\"}")
                .post("/api/actors/" + id + "/aidants/" + aidant + "/trainings")
                .then().statusCode(400).body("errors.field", hasItem("title")).body("errors.field", hasItem("hours"));
        as(gf).body("{\"name\": \"X\", \"role\": \"magicien\", \"enrolledOn\": \"2025-01-06\"}")
                .post("/api/actors/" + id + "/aidants").then().statusCode(400).body("errors[0].field", equalTo("role"));
        as(gf).body("{\"departedOn\": \"2026-06-30\"}").post("/api/actors/" + id + "/aidants/" + aidant + "/departure")
                .then().statusCode(200).body("aidants[0].departedOn", equalTo("2026-06-30"));
        as(gf).body("{\"departedOn\": \"2026-07-30\"}").post("/api/actors/" + id + "/aidants/" + aidant + "/departure")
                .then().statusCode(409).body("code", equalTo("aidant-departed"));
        as(gf).body("{\"departedOn\": \"2026-07-30\"}")
                .post("/api/actors/" + id + "/aidants/" + UUID.randomUUID() + "/departure")
                .then().statusCode(404).body("code", equalTo("aidant-not-found"));
        as(TestTokens.mediatorAt("GF", id)).body("{\"name\": \"Y\", \"role\": \"benevole\", \"enrolledOn\": \"2025-01-06\"}")
                .post("/api/actors/" + id + "/aidants").then().statusCode(403);
    }

    @Test
    void aMergeCarriesLabelsAndAidantsAndTheAbsorbedIdRedirects() {
        String mq = TestTokens.coordinator("MQ");
        String survivor = register(mq, martiniqueActor("EPN de Rivière-Salée"));
        String absorbed = register(mq, martiniqueActor("E.P.N. Rivière Salée"));
        as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2025-01-01\"}").post("/api/actors/" + absorbed + "/labels")
                .then().statusCode(201);
        as(mq).body("{\"name\": \"Jean B.\", \"role\": \"mediateur_numerique\", \"enrolledOn\": \"2025-02-01\"}")
                .post("/api/actors/" + absorbed + "/aidants").then().statusCode(201);

        as(mq).body("{\"absorbedActorId\": \"" + absorbed + "\"}").post("/api/actors/" + survivor + "/merges")
                .then().statusCode(200).body("absorbedActorIds", equalTo(List.of(absorbed)))
                .body("labels[0].label", equalTo("APTIC")).body("aidants[0].name", equalTo("Jean B."));

        as(mq).config(NO_REDIRECTS).get("/api/actors/" + absorbed)
                .then().statusCode(301).header("Location", containsString("/api/actors/" + survivor))
                .body("mergedInto", equalTo(survivor));
        as(mq).get("/api/actors/" + absorbed + "/history").then().statusCode(200)
                .body("type", equalTo(List.of("ActorRegistered", "LabelGranted", "AidantEnrolled", "ActorsMerged")));
        as(TestTokens.of("partner", "MQ")).get("/api/actors/" + absorbed + "/labels?label=APTIC&on=2026-01-01")
                .then().statusCode(200).body("actorId", equalTo(survivor)).body("labelled", equalTo(true));
        as(mq).body("{\"absorbedActorId\": \"" + absorbed + "\"}").post("/api/actors/" + survivor + "/merges")
                .then().statusCode(409).body("code", equalTo("actor-merged"));
        as(mq).body("{\"label\": \"France Services\", \"validFrom\": \"2026-01-01\"}")
                .post("/api/actors/" + absorbed + "/labels").then().statusCode(409).body("code", equalTo("actor-merged"));
    }

    @Test
    void mergesAreRefusedAcrossTerritoriesAndOnThemselves() {
        String admin = TestTokens.hubAdmin();
        String mq = register(admin, martiniqueActor("EPN A"));
        String gp = register(admin, guadeloupeActor("EPN A"));
        as(admin).body("{\"absorbedActorId\": \"" + gp + "\"}").post("/api/actors/" + mq + "/merges")
                .then().statusCode(422).body("code", equalTo("territory-mismatch"));
        as(admin).body("{\"absorbedActorId\": \"" + mq + "\"}").post("/api/actors/" + mq + "/merges")
                .then().statusCode(400).body("errors[0].field", equalTo("absorbedActorId"));
        as(admin).body("{\"absorbedActorId\": \"" + UUID.randomUUID() + "\"}").post("/api/actors/" + mq + "/merges")
                .then().statusCode(404);
        as(TestTokens.coordinator("MQ")).body("{\"absorbedActorId\": \"" + gp + "\"}")
                .post("/api/actors/" + mq + "/merges").then().statusCode(403);
    }

    @Test
    void aPartnerSeesAidantsAsTheOpenDirectoryShowsThemNotTheirEmploymentOrTrainings() {
        String gf = TestTokens.coordinator("GF");
        String id = register(gf, ActorsTestSupport.place("Espace numérique de Kourou", "Kourou", "97304", "97310", ""));
        String aidant = as(gf).body("{\"name\": \"Nadia P.\", \"role\": \"mediateur_numerique\", "
                        + "\"enrolledOn\": \"2025-02-03\"}").post("/api/actors/" + id + "/aidants")
                .then().statusCode(201).extract().header("Aidant-Id");
        as(gf).body("{\"title\": \"Certification PIX\", \"provider\": \"Pix\", \"hours\": 14, "
                        + "\"completedOn\": \"2025-03-10\"}").post("/api/actors/" + id + "/aidants/" + aidant + "/trainings")
                .then().statusCode(201);

        java.util.Map<String, Object> seenByPartner = as(TestTokens.of("partner", "GF")).get("/api/actors/" + id)
                .then().statusCode(200).extract().path("aidants[0]");
        org.assertj.core.api.Assertions.assertThat(seenByPartner)
                .isEqualTo(java.util.Map.of("name", "Nadia P.", "role", "mediateur_numerique", "trainingsCompleted", 1));
        as(TestTokens.of("mediator", "GF")).get("/api/actors/" + id).then().statusCode(200)
                .body("aidants[0].enrolledOn", equalTo("2025-02-03"))
                .body("aidants[0].trainings[0].title", equalTo("Certification PIX"));
    }
}
