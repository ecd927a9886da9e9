package fr.hubag.projection.support;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** Calls to the read endpoints, and waiting for the projection, which is eventually consistent with the topic. */
public final class Api {

    public static final String BASE = "/api/projection";

    private Api() {}

    /** A request, with a bearer token unless {@code token} is null (anonymous); paths come URL-encoded. */
    public static RequestSpecification as(String token) {
        RequestSpecification request = given().urlEncodingEnabled(false).redirects().follow(false);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public static ValidatableResponse get(String path) {
        return as(null).get(BASE + path).then();
    }

    public static ValidatableResponse get(String token, String path) {
        return as(token).get(BASE + path).then();
    }

    /** Polls until the answer satisfies the condition or 20 s pass; returns the last answer either way. */
    public static ValidatableResponse await(String token, String path, Predicate<ValidatableResponse> done) {
        long deadline = System.currentTimeMillis() + 20_000;
        ValidatableResponse response = get(token, path);
        while (!safely(done, response) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            response = get(token, path);
        }
        return response;
    }

    public static ValidatableResponse await(String path, Predicate<ValidatableResponse> done) {
        return await(null, path, done);
    }

    public static int total(ValidatableResponse response) {
        Integer total = response.extract().path("total");
        return total == null ? -1 : total;
    }

    /** A word no other test uses, to find a test's own places with {@code q}. */
    public static String tag() {
        StringBuilder word = new StringBuilder("zx");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    public static String id(UUID id) { return id.toString(); }

    private static boolean safely(Predicate<ValidatableResponse> done, ValidatableResponse response) {
        try {
            return done.test(response);
        } catch (RuntimeException | AssertionError e) {
            return false;
        }
    }
}
