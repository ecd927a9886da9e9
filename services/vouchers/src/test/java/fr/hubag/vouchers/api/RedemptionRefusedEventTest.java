package fr.hubag.vouchers.api;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.testing.TopicRecords;
import fr.hubag.vouchers.infra.Census;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.codes;
import static fr.hubag.vouchers.api.VouchersTestSupport.handOut;
import static fr.hubag.vouchers.api.VouchersTestSupport.order;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.redemption;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused redemption is on vouchers.events ({@code RedemptionRefused}, a stream of its own, valid against its
 * schema, with neither the code nor a beneficiary) and in the fraud-review table; a successful redemption publishes
 * its {@code PassRedeemed} and nothing else.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class RedemptionRefusedEventTest {

    @Inject
    Census census;

    @Test
    void aRefusalIsPublishedAndKeptASuccessOnlyRedeems() {
        String funderId = unique("caf-971");
        String funder = partner(funderId, "GP");
        String orderId = quote(funder, order("\"GP\"", 1, 2, funderId));
        activate(funder, orderId);
        List<String> codes = codes(funder, orderId, 1);
        UUID beneficiary = UUID.randomUUID();
        String pass = as(funder).body(handOut(codes.get(0), beneficiary)).post("/api/vouchers/distributions")
                .then().statusCode(201).extract().path("passes[0].passId");
        UUID actor = CensusFeed.labelled(census, "GP", "97101");
        String mediator = TestTokens.mediatorAt("GP", actor.toString());

        as(mediator).body(redemption(codes.get(0), actor)).post("/api/vouchers/redemptions").then().statusCode(201);
        as(mediator).body(redemption(codes.get(0), actor)).post("/api/vouchers/redemptions").then().statusCode(409);
        String typo = (codes.get(1).charAt(0) == 'A' ? "B" : "A") + codes.get(1).substring(1);
        as(mediator).body(redemption(typo, actor)).post("/api/vouchers/redemptions").then().statusCode(422);

        Predicate<ConsumerRecord<String, byte[]>> refusedHere = r -> type(r).equals("RedemptionRefused")
                && payload(r).getString("actorId").equals(actor.toString());
        Predicate<ConsumerRecord<String, byte[]>> mine = r -> r.key().equals(pass) || refusedHere.test(r);
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readUntil("vouchers.events",
                read -> read.stream().filter(refusedHere).count() >= 2
                        && read.stream().filter(r -> r.key().equals(pass)).count() >= 2,
                Duration.ofSeconds(20)).stream().filter(mine).toList();

        // the pass's stream: handed out, redeemed — the refusals are not on it
        assertThat(records).filteredOn(r -> r.key().equals(pass)).extracting(RedemptionRefusedEventTest::type)
                .containsExactly("PassDistributed", "PassRedeemed");
        List<JsonObject> refusals = records.stream().filter(refusedHere).map(RedemptionRefusedEventTest::payload)
                .toList();
        assertThat(refusals).extracting(p -> p.getString("reason"))
                .containsExactlyInAnyOrder("pass-already-redeemed", "code-mistyped");
        JsonObject again = refusals.stream().filter(p -> p.getString("reason").equals("pass-already-redeemed"))
                .findFirst().orElseThrow();
        assertThat(again.getString("passId")).isEqualTo(pass);
        assertThat(again.getString("orderId")).isEqualTo(orderId);
        assertThat(again.getString("orderTerritory")).isEqualTo("GP");
        JsonObject typed = refusals.stream().filter(p -> p.getString("reason").equals("code-mistyped"))
                .findFirst().orElseThrow();
        assertThat(typed.getString("passId")).isNull();
        assertThat(typed.getString("orderId")).isNull();
        assertThat(typed.getString("territory")).isEqualTo("GP");
        // each on a stream of its own, keyed by its refusal id
        assertThat(records).filteredOn(refusedHere)
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(payload(r).getString("refusalId")));
        List<ConsumerRecord<String, byte[]>> refused = records.stream().filter(refusedHere).toList();
        PublishedVoucherEvents.assertValid(refused, "GP", List.of(codes.get(0), codes.get(1), typo));
        assertThat(refused).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                .doesNotContain(beneficiary.toString()));

        // and in the fraud-review table, with the caller
        List<String> reasons = as(TestTokens.hubAdmin()).get("/api/vouchers/refusals?actorId=" + actor).then()
                .statusCode(200).extract().path("reason");
        assertThat(reasons).containsExactlyInAnyOrder("pass-already-redeemed", "code-mistyped");
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return CloudEventHeaders.get(record.headers(), "ce_type").substring("hubag.vouchers.".length());
    }

    private static JsonObject payload(ConsumerRecord<String, byte[]> record) {
        return new JsonObject(new String(record.value(), StandardCharsets.UTF_8));
    }
}
