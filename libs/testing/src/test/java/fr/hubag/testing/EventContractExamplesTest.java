package fr.hubag.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actors event schemas as a consumer sees them: every example payload passes its schema (with the shared
 * Place resolved by its urn), payloads that break the rules are refused, and the place's enumerations are exactly
 * the national standard's.
 */
class EventContractExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "contracts/events/actors";
    private static final Pattern VERSIONED = Pattern.compile("([A-Z][A-Za-z]+)\\.v([1-9][0-9]*)\\.json");

    @Test
    void everySchemaHasExamplesAndEveryExamplePasses() throws Exception {
        Set<String> schemas = new TreeSet<>(versionedFiles(DIR));
        Set<String> examples = new TreeSet<>(versionedFiles(DIR + "/examples"));

        assertThat(schemas).contains("ActorRegistered.v1.json", "ActorRegistered.v2.json",
                "ActorDetailsChanged.v1.json", "ActorClosed.v1.json", "ActorReopened.v1.json", "LabelGranted.v1.json",
                "LabelRevoked.v1.json", "AidantEnrolled.v1.json", "AidantTrainingCompleted.v1.json",
                "AidantDeparted.v1.json", "ActorsMerged.v1.json");
        assertThat(examples).isEqualTo(schemas);
        for (String file : examples) {
            JsonNode payloads = read(DIR + "/examples/" + file);
            assertThat(payloads.isArray() && !payloads.isEmpty()).as(file + " is a non-empty array").isTrue();
            for (JsonNode payload : payloads) {
                assertThat(EventContracts.validate(id(file), payload.toString())).as("%s: %s", file, payload).isEmpty();
            }
        }
    }

    @Test
    void theAsyncApiDocumentDescribesEverySchema() throws Exception {
        String asyncApi = StandardSchemaTest.resource("contracts/asyncapi/asyncapi.yaml");

        for (String file : versionedFiles(DIR)) {
            assertThat(asyncApi).as("asyncapi.yaml references " + file)
                    .contains("$ref: '../events/actors/" + file + "'");
            assertThat(asyncApi).contains("ce_dataschema " + id(file) + "'");
        }
    }

    /**
     * The document parses as YAML (a description with an unquoted ": " once made the whole file unreadable to
     * AsyncAPI tools while every text check above still passed), and its references resolve: each channel's
     * messages, each message's payload file and traits.
     */
    @Test
    void theAsyncApiDocumentIsValidYamlAndItsReferencesResolve() throws Exception {
        JsonNode doc = new ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(StandardSchemaTest.resource("contracts/asyncapi/asyncapi.yaml"));
        JsonNode messages = doc.path("components").path("messages");
        JsonNode traits = doc.path("components").path("messageTraits");
        int referenced = 0;
        for (JsonNode channel : doc.path("channels")) {
            for (JsonNode message : channel.path("messages")) {
                String name = message.path("$ref").asText().replace("#/components/messages/", "");
                assertThat(messages.has(name)).as("channel message " + name + " is defined").isTrue();
                referenced++;
            }
        }
        assertThat(referenced).isGreaterThan(30);
        for (var entry : messages.properties()) {
            String payload = entry.getValue().path("payload").path("$ref").asText();
            assertThat(payload).as(entry.getKey() + "'s payload").startsWith("../events/");
            assertThat(StandardSchemaTest.resource("contracts/" + payload.substring(3)))
                    .as(entry.getKey() + "'s payload file").isNotBlank();
            for (JsonNode trait : entry.getValue().path("traits")) {
                String name = trait.path("$ref").asText().replace("#/components/messageTraits/", "");
                assertThat(traits.has(name)).as(entry.getKey() + "'s trait " + name).isTrue();
            }
        }
    }

    @Test
    void refusesAPhoneOutsideTheTerritories() {
        assertRefused("ActorRegistered.v2.json", p -> place(p).put("phone", "+33596123456"), "/place/phone");
        assertRefused("ActorRegistered.v2.json", p -> place(p).put("phone", "0596123456"), "/place/phone");
    }

    @Test
    void refusesAValueOutsideTheStandardsEnumerations() {
        assertRefused("ActorDetailsChanged.v1.json",
                p -> place(p).putArray("services").add("Aide aux démarches administratives").add("Cours de cuisine"),
                "/place/services/1");
        assertRefused("ActorDetailsChanged.v1.json", p -> place(p).putArray("fees").add("gratuit"), "/place/fees/0");
        assertRefused("LabelRevoked.v1.json", p -> p.put("label", "CNFS"), "/label");
        assertRefused("AidantEnrolled.v1.json", p -> p.put("role", "mediateur"), "/role");
    }

    @Test
    void refusesAMissingRequiredKey() {
        assertRefused("ActorRegistered.v2.json", p -> place(p).remove("name"), "name");
        assertRefused("ActorRegistered.v2.json", p -> place(p).remove("updatedOn"), "updatedOn");
        assertRefused("ActorClosed.v1.json", p -> p.remove("reason"), "reason");
        assertRefused("LabelGranted.v1.json", p -> p.remove("validUntil"), "validUntil");
        assertRefused("ActorsMerged.v1.json", p -> p.remove("absorbedActorId"), "absorbedActorId");
    }

    @Test
    void refusesWhatThePlaceRulesForbid() {
        assertRefused("ActorRegistered.v2.json", p -> place(p).put("pivot", "12345"), "/place/pivot");
        assertRefused("ActorRegistered.v2.json", p -> place(p).put("pivotUnknown", true), "/place/pivot");
        assertRefused("ActorRegistered.v2.json", p -> place(p).put("pivot", "00000000000000"), "/place/pivotUnknown");
        assertRefused("ActorRegistered.v2.json", p -> place(p).putNull("longitude"), "/place/longitude");
        assertRefused("ActorRegistered.v2.json", p -> place(p).put("latitude", 48.85).put("longitude", 2.35),
                "/place/latitude");
        assertRefused("ActorRegistered.v2.json", p -> place(p).put("summary", "x".repeat(281)), "/place/summary");
        assertRefused("ActorRegistered.v2.json", p -> place(p).put("nom", "Cyber-base"), "nom");
        assertRefused("ActorRegistered.v2.json", p -> ((ObjectNode) place(p).get("commune")).put("inseeCode", "97411"),
                "/place/commune/inseeCode");
    }

    @Test
    void refusesAPlaceOutsideTheEventsTerritory() {
        // the example is in Martinique (97213, 97232, 14.61 / -60.99)
        assertRefused("ActorRegistered.v2.json", p -> p.put("territory", "GP"), "/place/commune/inseeCode");
        assertRefused("ActorDetailsChanged.v1.json", p -> p.put("territory", "GF"), "/place/commune/inseeCode");
        assertRefused("ActorRegistered.v2.json", p -> ((ObjectNode) place(p).get("commune")).put("postcode", "97150"),
                "/place/commune/postcode");
    }

    @Test
    void refusesBadAidantsAndTrainings() {
        assertRefused("AidantTrainingCompleted.v1.json", p -> p.put("hours", 0), "/hours");
        assertRefused("AidantTrainingCompleted.v1.json", p -> p.put("completedOn", "2026-13-01"), "/completedOn");
        assertRefused("ActorsMerged.v1.json",
                p -> ((ObjectNode) p.get("absorbedAidants").get(0)).remove("departedOn"), "departedOn");
    }

    @Test
    void thePlaceEnumerationsAreExactlyTheStandards() {
        JsonNode place = read(DIR + "/Place.json").get("properties");
        JsonNode standard = read(StandardSchema.MEDIATION_NUM).get("fields");
        Map<String, String> placeKeyToField = Map.of("itinerance", "itinerance", "services", "services",
                "publics", "publics_specifiquement_adresses", "specificSupport", "prise_en_charge_specifique",
                "fees", "frais_a_charge", "programmes", "dispositif_programmes_nationaux",
                "trainingLabels", "formations_labels", "accessModes", "modalites_acces",
                "supportModes", "modalites_accompagnement");
        placeKeyToField.forEach((key, field) -> {
            List<String> ours = texts(place.get(key).get("items").get("enum"));
            assertThat(ours).as(key).isEqualTo(standardValues(standard, field));
            assertThat(place.get(key).get("description").asText()).as(key).contains("Standard: " + field);
        });
        List<String> labels = texts(read(DIR + "/LabelGranted.v1.json").at("/properties/label/enum"));
        assertThat(labels).isEqualTo(texts(read(DIR + "/LabelRevoked.v1.json").at("/properties/label/enum")))
                .isEqualTo(texts(read(DIR + "/ActorsMerged.v1.json")
                        .at("/properties/absorbedLabels/items/properties/label/enum")));
        assertThat(labels).first().isEqualTo("APTIC");
        assertThat(labels.subList(1, labels.size()))
                .isEqualTo(standardValues(standard, "dispositif_programmes_nationaux"));
        assertThat(texts(read(DIR + "/AidantEnrolled.v1.json").at("/properties/role/enum")))
                .containsExactly("mediateur_numerique", "conseiller_numerique", "aidant_connect", "travailleur_social",
                        "agent_accueil", "benevole", "autre")
                .isEqualTo(texts(read(DIR + "/ActorsMerged.v1.json")
                        .at("/properties/absorbedAidants/items/properties/role/enum")));
    }

    /** The values of a standard's multi-valued field, read from its pattern {@code (?:(?:^|\|)(A|B|...))+$}. */
    private static List<String> standardValues(JsonNode fields, String name) {
        for (JsonNode field : fields) {
            if (field.get("name").asText().equals(name)) {
                Matcher m = Pattern.compile("^\\(\\?:\\(\\?:\\^\\|\\\\\\|\\)\\((.*)\\)\\)\\+\\$$")
                        .matcher(field.at("/constraints/pattern").asText());
                assertThat(m.matches()).as(name + "'s pattern is a list of values").isTrue();
                return Stream.of(m.group(1).split("\\|")).map(v -> v.replace("\\(", "(").replace("\\)", ")")).toList();
            }
        }
        throw new AssertionError("no field " + name + " in the standard");
    }

    private static void assertRefused(String example, Consumer<ObjectNode> breakIt, String mentioned) {
        ObjectNode payload = (ObjectNode) read(DIR + "/examples/" + example).get(0).deepCopy();
        assertThat(EventContracts.validate(id(example), payload.toString())).as("the example itself").isEmpty();
        breakIt.accept(payload);
        Set<ValidationMessage> errors = EventContracts.validate(id(example), payload.toString());
        assertThat(errors).as("%s broken: %s", example, payload).isNotEmpty();
        assertThat(errors.toString()).as("errors of %s", example).contains(mentioned);
    }

    private static ObjectNode place(ObjectNode payload) {
        return (ObjectNode) payload.get("place");
    }

    private static String id(String file) {
        Matcher m = VERSIONED.matcher(file);
        assertThat(m.matches()).as(file).isTrue();
        return "urn:hubag:schema:actors:" + m.group(1) + ":" + m.group(2);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode read(String path) {
        try {
            return JSON.readTree(StandardSchemaTest.resource(path));
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
    }

    /** The {@code <Type>.v<N>.json} files of a classpath folder, whether the contracts are a folder or a jar. */
    private static List<String> versionedFiles(String folder) throws IOException, URISyntaxException {
        URL url = Thread.currentThread().getContextClassLoader().getResource(folder);
        assertThat(url).as(folder + " on the classpath").isNotNull();
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return list(jar.getPath(folder));
            }
        }
        return list(Path.of(uri));
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> VERSIONED.matcher(n).matches()).toList();
        }
    }
}
