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
 * check fails when the served document and the committed one differ (arrays compared as sets: their order may
 * follow the build's scan order), so an API change is always a visible change of the contract, and it names the
 * first difference and keeps the served document in {@code target/}. Run the build with {@code -Dhub.contracts.update=true} to rewrite the committed file.
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
            // arrays compared as sets (tags, parameters, enums): their order can follow the build's scan order,
            // which is not part of the contract; every value, field and element is
            if (!canonical(expected).equals(canonical(served))) {
                Path copy = Path.of("target", "openapi-served-" + service + ".json");
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, servedText);
                throw new AssertionError("the OpenAPI served by " + service + " differs from " + committed
                        + " (the served one is in " + copy.toAbsolutePath() + "; first difference at "
                        + firstDifference("", expected, served) + "); if the change is intended, rebuild with "
                        + "-Dhub.contracts.update=true and commit the file");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document with every object's fields and every array's elements in a fixed order (by canonical text). */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = JSON.createObjectNode();
            java.util.Set<String> names = new java.util.TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> copy.set(name, canonical(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            java.util.List<JsonNode> elements = new java.util.ArrayList<>();
            node.forEach(element -> elements.add(canonical(element)));
            elements.sort(java.util.Comparator.comparing(JsonNode::toString));
            com.fasterxml.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
            elements.forEach(copy::add);
            return copy;
        }
        return node;
    }

    /** The JSON path of the first place the two documents differ (arrays as sets). */
    static String firstDifference(String at, JsonNode expected, JsonNode served) {
        if (expected.isObject() && served.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode a = expected.get(name);
                JsonNode b = served.get(name);
                if (a == null || b == null) {
                    return at + "/" + name + (a == null ? " (only served)" : " (only committed)");
                }
                if (!canonical(a).equals(canonical(b))) {
                    return firstDifference(at + "/" + name, a, b);
                }
            }
        }
        return at.isEmpty() ? "/" : at;
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
