package fr.hubag.vouchers.api;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.testing.TopicRecords;
import fr.hubag.vouchers.infra.Census;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
 * What the vouchers service really publishes on vouchers.events — through its relay, to a real broker — validates
 * against contracts/events/vouchers with its CloudEvents headers, and carries no code in clear.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class VoucherEventsContractTest {

    @Inject
    Census census;

    @Test
    void everyPublishedEventMatchesItsSchemaAndNoCodeTravels() {
        String funderId = unique("caf-971");
        String funder = partner(funderId, "GP");
        String orderId = quote(funder, order("\"GP\"", 1, 2, funderId));
        activate(funder, orderId);
        List<String> codes = codes(funder, orderId, 1);
        String pass = as(funder).body(handOut(codes.get(0), UUID.randomUUID())).post("/api/vouchers/distributions")
                .then().statusCode(201).extract().path("passes[0].passId");
        UUID actor = CensusFeed.labelled(census, "GP", "97101");
        as(TestTokens.mediatorAt("GP", actor.toString())).body(redemption(codes.get(0), actor))
                .post("/api/vouchers/redemptions").then().statusCode(201);

        Set<String> keys = Set.of(orderId, pass);
        List<ConsumerRecord<String, byte[]>> mine = TopicRecords.readUntil("vouchers.events",
                records -> records.stream().filter(r -> keys.contains(r.key())).count() >= 6,
                Duration.ofSeconds(20)).stream().filter(r -> keys.contains(r.key())).toList();

        assertThat(mine).extracting(r -> CloudEventHeaders.get(r.headers(), "ce_type")).containsExactlyInAnyOrder(
                "hubag.vouchers.OrderQuoted", "hubag.vouchers.PassesIssued", "hubag.vouchers.OrderActivated",
                "hubag.vouchers.LateDistributionConfirmed", "hubag.vouchers.PassDistributed",
                "hubag.vouchers.PassRedeemed");
        PublishedVoucherEvents.assertValid(mine, "GP", codes);
    }
}
