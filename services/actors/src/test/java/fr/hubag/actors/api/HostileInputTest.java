package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static fr.hubag.actors.api.ActorsTestSupport.as;
import static fr.hubag.actors.api.ActorsTestSupport.martiniqueActor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Input that once got a 201 and then stopped the platform, or a 500: each is now a 400 problem naming the field,
 * and nothing is stored (issue 9, "Found" 1, 2, 5 and 9).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class HostileInputTest {

    @Inject
    Pool pool;

    long storedEvents() {
        return pool.query("SELECT count(*) FROM es_events").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    String mq = TestTokens.coordinator("MQ");

    String registered() {
        return as(mq).body(martiniqueActor("Cyber-base")).post("/api/actors").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aLabelValidUntilTheYearSixMillionIsRefused() {
        String id = registered();
        long before = storedEvents();
        for (String date : new String[]{"+6000000-01-01", "+999999999-12-31", "1850-01-01"}) {
            as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2025-01-01\", \"validUntil\": \"" + date + "\"}")
                    .post("/api/actors/" + id + "/labels")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("validUntil"))
                    .body("errors[0].message", containsString("between 1900-01-01 and 2199-12-31"));
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aOneMebibyteNameIsRefused() {
        long before = storedEvents();
        as(mq).body(martiniqueActor("x".repeat(1024 * 1024))).post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("longer than 10000"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefused() {
        long before = storedEvents();
        as(mq).body(martiniqueActor("Cyber\\u0000base")).post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("control character (U+0000)"));
        as(mq).body(martiniqueActor("Cyber\\ud800base")).post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("lone surrogate"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aNumberWhereATextIsExpectedIsRefused() {
        long before = storedEvents();
        as(mq).body(martiniqueActor("Cyber-base").replace("\"address\": \"1 rue Victor Hugo\"", "\"address\": 12"))
                .post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("address"))
                .body("errors[0].message", containsString("must be a text"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anAccentedNameAndAnEmojiAreStillWelcome() {
        as(mq).body(martiniqueActor("Médiathèque du Carbet 📚")).post("/api/actors").then().statusCode(201)
                .body("place.name", equalTo("Médiathèque du Carbet 📚"));
    }

    @Test
    void aRequestIdThatIsNotAnIdIsRefusedNotStored() {
        long before = storedEvents();
        as(mq).header("X-Request-Id", "<html>" + "x".repeat(8000) + "</html>").body(martiniqueActor("Cyber-base"))
                .post("/api/actors").then().statusCode(400).body("errors[0].field", equalTo("X-Request-Id"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseIsRefused() {
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + mq).contentType("text/csv")
                .body("id,pivot,nom,commune,code_postal,adresse,date_maj\n")
                .post("/api/actors/imports?acceptUnknownPivot=notabool")
                .then().statusCode(400).body("errors[0].field", equalTo("acceptUnknownPivot"));
    }

    @Test
    void aNameLongerThanTheEventContractAllowsIsRefused() {
        long before = storedEvents();
        as(mq).body(martiniqueActor("n".repeat(201))).post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("at most 200"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aNullItemInAVocabularyListIsRefused() {
        long before = storedEvents();
        as(mq).body(martiniqueActor("Cyber-base", "\"trainingLabels\": [null]")).post("/api/actors")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("trainingLabels[0]"))
                .body("errors[0].message", equalTo("must not be null"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void hoursOfTenToTheMinusAMillionAreRefusedNotAServerError() {
        String id = registered();
        String aidant = as(mq).body("{\"name\": \"Jean B.\", \"role\": \"mediateur_numerique\", \"enrolledOn\": \"2025-02-01\"}")
                .post("/api/actors/" + id + "/aidants").then().statusCode(201).extract().header("Aidant-Id");
        long before = storedEvents();
        for (String hours : new String[]{"1e-999999", "1e999", "12345678901234567890"}) {
            as(mq).body("{\"title\": \"PIX\", \"provider\": \"Pix\", \"hours\": " + hours + ", \"completedOn\": \"2025-03-10\"}")
                    .post("/api/actors/" + id + "/aidants/" + aidant + "/trainings")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("hours"));
        }
        assertThat(storedEvents()).isEqualTo(before);
    }
}
