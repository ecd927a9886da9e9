package fr.hubag.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.testing.Csv;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.StandardSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static fr.hubag.projection.support.Api.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The open-data outputs: the GeoJSON map (RFC 7946) and the export as the national standard v1.0.2, every
 * exported row checked against the standard's own schema.json (not a copy of its rules).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class MapAndExportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static String tag;
    static ActorStream mapped;
    static ActorStream labelled;

    /** Once for the class, but inside the running application (a static @BeforeAll runs before it listens). */
    @BeforeEach
    void places() {
        if (tag != null) {
            return;
        }
        tag = Api.tag();
        mapped = ActorStream.create("GF");
        mapped.publish("ActorRegistered", Events.registered(mapped, Places.with(Places.with(
                Places.place("GF", "Carte " + tag), "typologies", "EPN", "TIERS_LIEUX"), "programmes",
                "Aidants Connect")));
        mapped.publish("LabelGranted", Events.labelGranted(mapped, "APTIC", "2024-01-01", null));
        mapped.publish("LabelGranted", Events.labelGranted(mapped, "France Services", "2024-01-01", null));
        mapped.publish("LabelGranted", Events.labelGranted(mapped, "Promeneurs du net", "2020-01-01", "2020-12-31"));
        labelled = ActorStream.create("GF");
        labelled.publish("ActorRegistered", Events.registered(labelled, Places.withoutCoordinates(
                Places.place("GF", "Sans coordonnées " + tag))));
        ActorStream closed = ActorStream.create("GF");
        closed.publish("ActorRegistered", Events.registered(closed, Places.place("GF", "Fermé " + tag)));
        closed.publish("ActorClosed", Events.closed(closed, "2026-01-01"));
        ActorStream old = ActorStream.create("GF");
        old.publish(java.util.UUID.randomUUID(), "ActorRegistered", 1,
                Events.registeredV1(old, "Ancien format " + tag, "association", "Matoury", "97307", "97351"));
        await("/territories/GF/actors?includeClosed=true&q=" + tag, r -> total(r) == 4
                && r.extract().path("items.find { it.name == 'Fermé " + tag + "' }.closedOn") != null);
        await("/territories/GF/actors/" + mapped.id() + "/labels", r -> r.extract().path("labels.size()").equals(2));
    }

    @Test
    void theMapIsAGeoJsonFeatureCollectionOfOpenPlacesWithCoordinates() {
        var response = get("/territories/GF/places.geojson?q=" + tag).statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features.size()", equalTo(1))
                .body("features[0].type", equalTo("Feature"))
                .body("features[0].id", equalTo(mapped.id().toString()))
                .body("features[0].geometry.type", equalTo("Point"))
                .body("features[0].geometry.coordinates", contains(-52.33f, 4.933f))
                .body("features[0].properties.actorId", equalTo(mapped.id().toString()))
                .body("features[0].properties.name", equalTo("Carte " + tag))
                .body("features[0].properties.commune", equalTo("Cayenne"))
                .body("features[0].properties.typologies", contains("EPN", "TIERS_LIEUX"))
                .body("features[0].properties.services", contains("Accès internet et matériel informatique"))
                .body("features[0].properties.labels", contains("APTIC", "France Services"));
        Map<String, Object> properties = response.extract().path("features[0].properties");
        assertThat(properties).containsOnlyKeys("actorId", "name", "commune", "typologies", "services", "labels");
        get("/territories/GF/places.geojson?q=" + tag + "&label=APTIC").body("features.size()", equalTo(1));
        get("/territories/GF/places.geojson?q=" + tag + "&typology=MUNI").body("features.size()", equalTo(0));
        get("/hub/places.geojson?q=" + tag).body("features.size()", equalTo(1));
    }

    @Test
    void theCsvExportIsTheStandardRowForRow() {
        ExtractableResponse<Response> response = get("/territories/GF/export?format=csv").statusCode(200)
                .contentType("text/csv").extract();
        String today = LocalDate.now(ZoneId.of("America/Cayenne")).toString();
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"lieux-mediation-numerique-GF-" + today + ".csv\"");
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8);
        StandardSchema standard = StandardSchema.mediationNum();
        assertThat(standard.validateHeader(Csv.header(text))).isEmpty();
        assertThat(text).startsWith("\"id\",\"pivot\",\"nom\",");
        List<Map<String, String>> rows = Csv.parse(text);
        assertThat(standard.validate(rows)).isEmpty();
        for (String line : text.split("\r\n")) {
            assertThat(line).as("every value quoted").matches("^\"(?:[^\"]|\"\")*\"(,\"(?:[^\"]|\"\")*\")*$");
        }
        Map<String, String> row = rowOf(rows, mapped.id().toString());
        assertThat(row.get("nom")).isEqualTo("Carte " + tag);
        assertThat(row.get("typologie")).isEqualTo("EPN|TIERS_LIEUX");
        assertThat(row.get("dispositif_programmes_nationaux")).isEqualTo("Aidants Connect|France Services");
        assertThat(row.get("latitude")).isEqualTo("4.933");
        assertThat(row.get("longitude")).isEqualTo("-52.33");
        assertThat(row.get("presentation_detail")).contains("\"ouvert\"");
        assertThat(row.get("complement_adresse")).isEqualTo("Bâtiment B");
        assertThat(row.get("structure_parente")).isEmpty();
        Map<String, String> old = rows.stream().filter(r -> r.get("nom").equals("Ancien format " + tag))
                .findFirst().orElseThrow();
        assertThat(old.get("pivot")).isEqualTo("00000000000000");
        assertThat(old.get("typologie")).isEqualTo("ASSO");
        assertThat(rows).noneMatch(r -> r.get("nom").equals("Fermé " + tag));
    }

    @Test
    void theJsonExportHasTheStandardKeysAndLeavesAbsentValuesOut() throws Exception {
        ExtractableResponse<Response> response = Api.as(null).accept("application/json")
                .get(Api.BASE + "/hub/export?format=json").then().statusCode(200)
                .contentType("application/json").extract();
        get("/hub/export?format=json").statusCode(200).contentType("application/json");
        Api.as(null).accept("text/csv").get(Api.BASE + "/hub/export").then().statusCode(200)
                .contentType("text/csv");
        assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"lieux-mediation-"
                + "numerique-hub-").endsWith(".json\"");
        JsonNode array = JSON.readTree(response.asByteArray());
        assertThat(array.isArray()).isTrue();
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> columns = StandardSchema.mediationNum().fieldNames();
        for (JsonNode object : array) {
            Map<String, String> row = new LinkedHashMap<>();
            object.fields().forEachRemaining(field -> {
                assertThat(columns).contains(field.getKey());
                assertThat(field.getValue().isNull()).as(field.getKey() + " present only when set").isFalse();
                if (field.getKey().equals("latitude") || field.getKey().equals("longitude")) {
                    assertThat(field.getValue().isNumber()).isTrue();
                } else {
                    assertThat(field.getValue().isTextual()).as(field.getKey()).isTrue();
                }
                row.put(field.getKey(), field.getValue().asText());
            });
            rows.add(row);
        }
        assertThat(StandardSchema.mediationNum().validate(rows)).isEmpty();
        Map<String, String> row = rowOf(rows, mapped.id().toString());
        assertThat(row).doesNotContainKey("structure_parente").containsEntry("code_insee", "97302");
        assertThat(JSON.readTree(response.asByteArray()).findValues("dispositif_programmes_nationaux").toString())
                .doesNotContain("APTIC");
        Map<String, String> lat = rowOf(rows, labelled.id().toString());
        assertThat(lat).doesNotContainKeys("latitude", "longitude");
    }

    private static Map<String, String> rowOf(List<Map<String, String>> rows, String id) {
        return rows.stream().filter(r -> id.equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no exported row " + id));
    }
}
