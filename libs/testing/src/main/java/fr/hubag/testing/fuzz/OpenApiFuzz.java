package fr.hubag.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.testing.HubInfrastructure;
import io.restassured.RestAssured;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;

/**
 * Sends every {@link OpenApiFuzzCases case} of the service under test (the Quarkus test's port) and checks what a
 * hostile caller must get: never a 5xx; every refusal an {@code application/problem+json} document whose
 * {@code status} is the HTTP status; every malformed write a 4xx; and nothing stored by any of them (the kernel's
 * events, streams and idempotency keys are counted in the service's database after each write).
 */
public final class OpenApiFuzz {

    /** The seed of the combinations; {@code -Dhub.fuzz.seed=N} replays a failing run. */
    public static final long SEED = Long.getLong("hub.fuzz.seed", 20261127L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FAILURES_SHOWN = 15;

    private final String database;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param database the service's database, whose kernel tables must not grow ({@code null}: the service stores
     *                 nothing of its own, e.g. a read model)
     * @param token    the bearer token every request carries (one allowed everywhere, so refusals come from the
     *                 input, not from the caller's rights)
     */
    public OpenApiFuzz(String database, String token) {
        this.database = database;
        this.token = token;
    }

    /** The service's own OpenAPI document, as it serves it. */
    public static JsonNode servedDocument() {
        try {
            return JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the cases; the report lists every violation (empty when the service held). */
    public Report run(List<FuzzRequest> cases) {
        long initiallyStored = stored();
        long storedBefore = initiallyStored;
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (FuzzRequest request : cases) {
            HttpResponse<String> response = send(request);
            byStatus.merge(response.statusCode() / 100 + "xx", 1, Integer::sum);
            String problem = check(request, response);
            if (request.write()) {
                long now = stored();
                if (now != storedBefore) {
                    problem = (problem == null ? "" : problem + "; ") + "stored " + (now - storedBefore) + " kernel row(s)";
                    storedBefore = now;
                }
            }
            if (problem != null) {
                failures.add(request.describe() + ": " + problem + " (HTTP " + response.statusCode() + " "
                        + abbreviate(response.body()) + ")");
            }
        }
        return new Report(cases.size(), byStatus, failures, stored() - initiallyStored);
    }

    private static String check(FuzzRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a server error for the caller's input";
        }
        if (request.mustRefuse() && status < 400) {
            return "a malformed write was accepted";
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "a refusal that is not a problem document (" + type + ")";
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                if (body.path("status").asInt() != status || body.path("title").asText().isBlank()) {
                    return "a problem document without its status or title";
                }
            } catch (Exception e) {
                return "a problem document that is not JSON";
            }
        }
        return null;
    }

    private HttpResponse<String> send(FuzzRequest request) {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        URI uri = URI.create(base + request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        request.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        try {
            return http.send(builder.method(request.method(), body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("the service did not answer " + request.describe(), e);
        }
    }

    /** The kernel's rows in the service's database: events, streams and idempotency keys. */
    private long stored() {
        if (database == null) return 0;
        String url = HubInfrastructure.get().jdbcUrl(database);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM es_events)"
                     + " + (SELECT count(*) FROM es_streams) + (SELECT count(*) FROM es_idempotency_keys)")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the kernel's rows in " + database, e);
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** What a run sent and found. */
    public record Report(int requests, Map<String, Integer> byStatus, List<String> failures, long storedRows) {

        public String summary() {
            StringBuilder out = new StringBuilder("fuzz: " + requests + " requests (seed " + SEED + "), by status "
                    + byStatus + ", " + failures.size() + " violation(s), " + storedRows + " kernel row(s) stored");
            failures.stream().limit(FAILURES_SHOWN).forEach(f -> out.append("\n  - ").append(f));
            if (failures.size() > FAILURES_SHOWN) {
                out.append("\n  … and ").append(failures.size() - FAILURES_SHOWN).append(" more");
            }
            return out.toString();
        }
    }
}
