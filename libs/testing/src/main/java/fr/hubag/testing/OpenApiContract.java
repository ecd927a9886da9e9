package fr.hubag.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;

/**
 * OpenAPI documents are generated from the code and committed in contracts/openapi/&lt;service&gt;.json; this
 * check fails when the served document and the committed one differ, so an API change is always a visible change
 * of the contract. Run the build with {@code -Dhub.contracts.update=true} to rewrite the committed file.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private OpenApiContract() {}

    public static void assertMatchesCommitted(String service) {
        try {
            JsonNode served = JSON.readTree(given().queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().asString());
            Path committed = repositoryRoot().resolve("contracts/openapi/" + service + ".json");
            String servedText = JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n";
            if (Boolean.getBoolean("hub.contracts.update")) {
                Files.writeString(committed, servedText);
                return;
            }
            if (!Files.exists(committed)) {
                throw new AssertionError(committed + " is missing; generate it with -Dhub.contracts.update=true");
            }
            JsonNode expected = JSON.readTree(committed.toFile());
            if (!expected.equals(served)) {
                throw new AssertionError("the OpenAPI served by " + service + " differs from " + committed
                        + "; if the change is intended, rebuild with -Dhub.contracts.update=true and commit the file");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("contracts/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
