package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.testing.fuzz.FuzzRequest;
import fr.hubag.testing.fuzz.OpenApiFuzz;
import fr.hubag.testing.fuzz.OpenApiFuzzCases;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.hubag.actors.api.ActorsTestSupport.as;
import static fr.hubag.actors.api.ActorsTestSupport.martiniqueActor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the actors' OpenAPI, present and future, fuzzed with malformed paths, queries, headers and
 * bodies (issue 9): no 5xx, every refusal a problem document, every malformed write a 4xx, nothing stored. The
 * valid bodies the mutations start from are below; an operation added without one is still fuzzed on its path,
 * query and broken documents, and the test names it so that a body can be added.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class OpenApiFuzzTest {

    static final String PLACE = martiniqueActor("Médiathèque du Lamentin", """
            "phone": "0596 12 34 56", "emails": ["contact@mediatheque.mq"], "websites": ["https://mediatheque.mq"],
            "latitude": 14.6, "longitude": -61.05, "summary": "Ateliers numériques", "description": "Accueil libre",
            "addressComplement": "Bâtiment B", "appointmentUrl": "https://rdv.mediatheque.mq",
            "parentStructure": "Ville du Lamentin", "source": "hub", "programmes": ["Conseillers Numériques"],
            "itinerance": ["Fixe"], "specificSupport": ["Surdité"], "trainingLabels": ["Aidants Connect"],
            "otherTrainingLabels": ["PIX"], "accesLibreUrl": "https://acceslibre.beta.gouv.fr/x\"""");

    @Test
    void everyOperationRefusesMalformedInputAndStoresNothing() {
        String mq = TestTokens.coordinator("MQ");
        String actor = as(mq).body(martiniqueActor("Cyber-base du Lamentin")).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        String other = as(mq).body(martiniqueActor("Cyber-base du Robert")).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        String aidant = as(mq).body("{\"name\": \"Marie-Josée L.\", \"role\": \"conseiller_numerique\","
                        + " \"enrolledOn\": \"2025-01-06\"}").post("/api/actors/" + actor + "/aidants")
                .then().statusCode(201).extract().header("Aidant-Id");

        Map<String, String> bodies = Map.ofEntries(
                Map.entry("POST /api/actors", PLACE),
                Map.entry("PUT /api/actors/{id}", PLACE),
                Map.entry("PUT /api/actors/{id}/hours-and-services",
                        "{\"openingHours\": \"Mo-Fr 08:00-12:00\", \"services\": [\"Aide aux démarches administratives\"]}"),
                Map.entry("POST /api/actors/{id}/labels",
                        "{\"label\": \"APTIC\", \"validFrom\": \"2025-01-01\", \"validUntil\": \"2026-12-31\"}"),
                Map.entry("POST /api/actors/{id}/labels/revocations",
                        "{\"label\": \"APTIC\", \"effectiveOn\": \"2025-06-01\", \"reason\": \"audit négatif\"}"),
                Map.entry("POST /api/actors/{id}/aidants",
                        "{\"name\": \"Jean B.\", \"role\": \"mediateur_numerique\", \"enrolledOn\": \"2025-02-01\"}"),
                Map.entry("POST /api/actors/{id}/aidants/{aidantId}/trainings",
                        "{\"title\": \"Certification PIX\", \"provider\": \"Pix\", \"hours\": 14, \"completedOn\": \"2025-03-10\"}"),
                Map.entry("POST /api/actors/{id}/aidants/{aidantId}/departure", "{\"departedOn\": \"2026-06-30\"}"),
                Map.entry("POST /api/actors/{id}/closure", "{\"closedOn\": \"2026-06-30\", \"reason\": \"travaux\"}"),
                Map.entry("POST /api/actors/{id}/reopening", "{\"reopenedOn\": \"2026-09-01\"}"),
                Map.entry("POST /api/actors/{id}/merges", "{\"absorbedActorId\": \"" + other + "\"}"));

        List<FuzzRequest> cases = new OpenApiFuzzCases(OpenApiFuzz.servedDocument(),
                Map.of("id", actor, "aidantId", aidant), bodies, OpenApiFuzz.SEED).cases(1000);
        OpenApiFuzz.Report report = new OpenApiFuzz("actors", TestTokens.hubAdmin()).run(cases);

        System.out.println(report.summary());
        assertThat(report.requests()).isGreaterThanOrEqualTo(10_000);
        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.storedRows()).isZero();
    }
}
