package fr.hubag.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a service's OpenAPI document and derives, for every operation it declares, malformed variants of its path,
 * query, headers and body. Nothing here names an endpoint: an operation added later is fuzzed by the same test.
 * Bodies start from a valid example (given by the test, or the schema's {@code example}) and break one member at a
 * time, then several at once (seeded, so a failure can be replayed with the same seed).
 */
public final class OpenApiFuzzCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final String[] BROKEN_BODIES = {"", "null", "[]", "{", "\"text\"", "42", "{\"a\":}", "{}{}",
            "{\"name\": \"x\"", "[".repeat(100_000) + "]".repeat(100_000), "{\"a\":".repeat(20_000)};

    private final JsonNode document;
    private final Map<String, String> pathValues;
    private final Map<String, String> examples;
    private final Random random;

    /**
     * @param pathValues a valid value per path parameter name (an actor that exists…); others get a random UUID
     * @param examples   a valid JSON body per operation, keyed {@code "POST /api/actors/{id}/labels"}
     */
    public OpenApiFuzzCases(JsonNode document, Map<String, String> pathValues, Map<String, String> examples, long seed) {
        this.document = document;
        this.pathValues = pathValues;
        this.examples = examples;
        this.random = new Random(seed);
    }

    /** Every operation's deterministic variants, then seeded combinations until each has {@code perOperation}. */
    public List<FuzzRequest> cases(int perOperation) {
        List<FuzzRequest> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    all.addAll(new Operation(path.getKey(), op.getKey(), op.getValue(), path.getValue().path("parameters"))
                            .variants(perOperation));
                }
            }
        }
        return all;
    }

    /** One operation of the document and the valid request its variants start from. */
    private final class Operation {
        final String template;
        final String method;
        final String name;
        final boolean write;
        final boolean mustRefuse;
        final List<JsonNode> parameters = new ArrayList<>();
        final JsonNode bodySchema;
        final String contentType;
        final JsonNode example;

        Operation(String template, String method, JsonNode op, JsonNode shared) {
            this.template = template;
            this.method = method.toUpperCase();
            this.name = this.method + " " + template;
            this.write = WRITES.contains(method);
            op.path("parameters").forEach(p -> parameters.add(resolve(p)));
            Set<String> declared = new HashSet<>();
            parameters.forEach(p -> declared.add(p.path("in").asText() + ":" + p.path("name").asText()));
            shared.forEach(p -> {
                JsonNode parameter = resolve(p);
                if (declared.add(parameter.path("in").asText() + ":" + parameter.path("name").asText())) {
                    parameters.add(parameter);
                }
            });
            Matcher undeclared = Pattern.compile("\\{([^}]+)}").matcher(template);
            while (undeclared.find()) {
                if (declared.add("path:" + undeclared.group(1))) {
                    parameters.add(JSON.createObjectNode().put("in", "path").put("name", undeclared.group(1)));
                }
            }
            JsonNode content = op.path("requestBody").path("content");
            this.contentType = content.fieldNames().hasNext()
                    ? (content.has("application/json") ? "application/json" : content.fieldNames().next()) : null;
            this.bodySchema = contentType == null ? JSON.missingNode() : resolve(content.path(contentType).path("schema"));
            this.example = exampleBody();
            this.mustRefuse = write && (contentType == null || bodySchema.path("type").asText("object").equals("object"));
        }

        List<FuzzRequest> variants(int perOperation) {
            List<FuzzRequest> out = new ArrayList<>();
            pathVariants(out);
            queryVariants(out);
            headerVariants(out);
            bodyVariants(out);
            List<Broken> members = members();
            while (out.size() < perOperation && !members.isEmpty()) {
                out.add(combination(members));
            }
            return out;
        }

        private void pathVariants(List<FuzzRequest> out) {
            for (JsonNode p : parameters) {
                if (!"path".equals(p.path("in").asText())) continue;
                String param = p.path("name").asText();
                for (String bad : new String[]{"not-a-uuid", "%00", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE",
                        "x".repeat(1000), "%27%20OR%201%3D1%20--", "-1", "%F0%9F%93%9A", "00000000-0000-0000-0000-00000000000g"}) {
                    out.add(request("path " + param + " = " + bad, path(Map.of(param, bad)), "", Map.of(), body()));
                }
            }
        }

        private void queryVariants(List<FuzzRequest> out) {
            for (JsonNode p : parameters) {
                if (!"query".equals(p.path("in").asText())) continue;
                String param = p.path("name").asText();
                JsonNode schema = resolve(p.path("schema"));
                List<String> bad = switch (schema.path("type").asText()) {
                    case "boolean" -> List.of("notabool", "", "1", "yes");
                    case "integer", "number" -> List.of("abc", "1e999", "-1", "99999999999999999999", "0x10", "");
                    default -> write ? List.of() : List.of("-999999999-01-01", "+6000000-01-01", "2026-13-45",
                            "\u0000", "x".repeat(2000), "\ud800", "%", "NOT_A_CODE", "' OR 1=1 --");
                };
                for (String value : bad) {
                    out.add(request("query " + param + " = " + abbreviate(value), path(Map.of()),
                            param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), Map.of(), body()));
                }
            }
        }

        private void headerVariants(List<FuzzRequest> out) {
            if (!write) return;
            for (JsonNode p : parameters) {
                if (!"header".equals(p.path("in").asText())) continue;
                String header = p.path("name").asText();
                for (String bad : new String[]{"x".repeat(4000), "", "a b\tc"}) {
                    out.add(request("header " + header + " = " + abbreviate(bad), path(Map.of()), "",
                            Map.of(header, bad), body()));
                }
            }
            out.add(request("header X-Request-Id = 8 KB of HTML", path(Map.of()), "",
                    Map.of("X-Request-Id", "<html>" + "x".repeat(8000) + "</html>"), body()));
        }

        private void bodyVariants(List<FuzzRequest> out) {
            if (contentType == null || !write) return;
            for (String broken : BROKEN_BODIES) {
                out.add(request("body " + abbreviate(broken), path(Map.of()), "", Map.of(),
                        broken.getBytes(StandardCharsets.UTF_8)));
            }
            out.add(request("body of invalid UTF-8", path(Map.of()), "", Map.of(),
                    new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
            for (Broken member : members()) {
                out.add(request("body " + member.describe(), path(Map.of()), "", Map.of(),
                        bytes(JsonMutations.replace(example, member.path, member.mutation.apply()))));
            }
        }

        private FuzzRequest combination(List<Broken> members) {
            int count = 2 + random.nextInt(3);
            JsonNode body = example;
            StringBuilder what = new StringBuilder("body");
            Set<List<String>> touched = new HashSet<>();
            for (int i = 0; i < count; i++) {
                Broken member = members.get(random.nextInt(members.size()));
                if (!touched.add(member.path) || !present(body, member.path)) continue;
                body = JsonMutations.replace(body, member.path, member.mutation.apply());
                what.append(i == 0 ? " " : " + ").append(member.describe());
            }
            return request(what.toString(), path(Map.of()), "", Map.of(), bytes(body));
        }

        /** Every member of the example (nested objects included) with each of its mutations. */
        private List<Broken> members() {
            List<Broken> out = new ArrayList<>();
            if (example != null && example.isObject()) {
                collect(example, bodySchema, List.of(), out);
            }
            return out;
        }

        private void collect(JsonNode object, JsonNode schema, List<String> prefix, List<Broken> out) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                List<String> path = new ArrayList<>(prefix);
                path.add(member.getKey());
                JsonNode memberSchema = resolve(schema.path("properties").path(member.getKey()));
                for (JsonMutations.Mutation m : JsonMutations.of(member.getValue(), memberSchema,
                        required.contains(member.getKey()))) {
                    out.add(new Broken(List.copyOf(path), m));
                }
                if (member.getValue().isObject()) {
                    collect(member.getValue(), memberSchema, path, out);
                }
            }
        }

        private JsonNode exampleBody() {
            String given = examples.get(name);
            try {
                if (given != null) return JSON.readTree(given);
            } catch (Exception e) {
                throw new IllegalArgumentException("the example body of " + name + " is not JSON", e);
            }
            return bodySchema.has("example") ? bodySchema.get("example") : null;
        }

        private byte[] body() {
            if (contentType == null) return null;
            return example == null ? new byte[0] : bytes(example);
        }

        private String path(Map<String, String> overrides) {
            String path = template;
            for (JsonNode p : parameters) {
                if (!"path".equals(p.path("in").asText())) continue;
                String param = p.path("name").asText();
                String value = overrides.containsKey(param) ? overrides.get(param)
                        : pathValues.getOrDefault(param, UUID.nameUUIDFromBytes(param.getBytes()).toString());
                path = path.replace("{" + param + "}", value);
            }
            return path;
        }

        private FuzzRequest request(String what, String path, String query, Map<String, String> headers, byte[] body) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            return new FuzzRequest(name, write, mustRefuse, method, path, query, all, contentType, body, what);
        }
    }

    /** One member of an example body and one way to break it. */
    private record Broken(List<String> path, JsonMutations.Mutation mutation) {
        String describe() {
            return String.join(".", path) + ": " + mutation.what();
        }
    }

    private static boolean present(JsonNode body, List<String> path) {
        JsonNode node = body;
        for (String key : path) {
            if (!node.isObject() || !node.has(key)) return false;
            node = node.get(key);
        }
        return true;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String value) {
        String printable = value.replace("\u0000", "\\u0000").replace("\ud800", "\\ud800");
        return printable.length() > 40 ? printable.substring(0, 30) + "…(" + value.length() + " chars)" : printable;
    }
}
