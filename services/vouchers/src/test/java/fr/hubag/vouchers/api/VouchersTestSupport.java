package fr.hubag.vouchers.api;

import fr.hubag.testing.TestTokens;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.UUID;

import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;

/** Requests as a funder's, a distributor's and a mediator's applications send them. */
final class VouchersTestSupport {

    private VouchersTestSupport() {}

    static RequestSpecification as(String token) {
        return given().header("Authorization", bearer(token)).contentType("application/json");
    }

    /** A partner organisation's token: its subject names the organisation. */
    static String partner(String organisation, String... territories) {
        return TestTokens.forSubject(organisation, "partner", territories);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Quotes an order; returns its id. */
    static String quote(String funder, String body) {
        return as(funder).body(body).post("/api/vouchers/orders").then().statusCode(201).extract().path("id");
    }

    static String order(String territories, int booklets, int passes, String distributor) {
        return """
                {"perimeter": {"territories": [%s]}, "booklets": %d, "passesPerBooklet": %d,
                 "programmeId": "inclusion-numerique", "distributors": ["%s"]}"""
                .formatted(territories, booklets, passes, distributor);
    }

    static void activate(String funder, String orderId) {
        as(funder).body("{\"mandateReference\": \"SEPA-" + orderId.substring(0, 8) + "\"}")
                .post("/api/vouchers/orders/" + orderId + "/activation").then().statusCode(200);
    }

    static List<String> codes(String funder, String orderId, int booklet) {
        return as(funder).get("/api/vouchers/orders/" + orderId + "/booklets/" + booklet).then().statusCode(200)
                .extract().path("passes.code");
    }

    static String handOut(String code, UUID beneficiary) {
        return "{\"code\": \"" + code + "\", \"beneficiaryId\": \"" + beneficiary + "\", \"ageBand\": "
                + "\"soixante_soixante_neuf\", \"communeInseeCode\": \"97209\"}";
    }

    static String booklet(String orderId, int booklet, UUID beneficiary) {
        return "{\"orderId\": \"" + orderId + "\", \"booklet\": " + booklet + ", \"beneficiaryId\": \""
                + beneficiary + "\"}";
    }

    static String redemption(String code, UUID actorId) {
        return "{\"code\": \"" + code + "\", \"actorId\": \"" + actorId + "\"}";
    }
}
