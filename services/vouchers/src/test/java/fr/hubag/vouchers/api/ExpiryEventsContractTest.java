package fr.hubag.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.hubag.vouchers.api.ExpiryJobTest.orderUntil;
import static fr.hubag.vouchers.api.ExpiryRuns.endOf;
import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.handOut;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the expiry publishes on vouchers.events — through the relay, to a real broker — validates against
 * contracts/events/vouchers: a PassExpired per pass not redeemed (keyed by the pass, in the order's territory) and the
 * OrderExpired credit note (keyed by the order).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class ExpiryEventsContractTest {

    @Inject
    ExpiryRuns runs;

    @Test
    void theExpiryEventsMatchTheirSchemas() {
        String caf = unique("caf-973");
        String funder = partner(caf, "GF");
        LocalDate today = LocalDate.now(Territory.GF.zone());
        String orderId = quote(funder, orderUntil("GF", 1, 3, today, caf));
        activate(funder, orderId);
        List<String> codes = as(funder).get("/api/vouchers/orders/" + orderId + "/booklets/1").then().statusCode(200)
                .extract().path("passes.code");
        List<String> passes = as(funder).get("/api/vouchers/orders/" + orderId + "/booklets/1").then()
                .extract().path("passes.passId");
        as(funder).body(handOut(codes.get(0), UUID.randomUUID())).post("/api/vouchers/distributions").then()
                .statusCode(201);
        runs.forget(Territory.GF);
        LocalDate acceptedUntil = today.plusMonths(1);
        runs.at(Territory.GF, acceptedUntil, endOf(acceptedUntil, Territory.GF));

        Set<String> keys = new HashSet<>(passes);
        keys.add(orderId);
        List<ConsumerRecord<String, byte[]>> expiry = TopicRecords.readUntil("vouchers.events",
                        records -> records.stream().filter(r -> keys.contains(r.key()) && isExpiry(r)).count() >= 4,
                        Duration.ofSeconds(20)).stream().filter(r -> keys.contains(r.key()) && isExpiry(r)).toList();
        assertThat(expiry).extracting(r -> CloudEventHeaders.get(r.headers(), "ce_type")).containsExactlyInAnyOrder(
                "hubag.vouchers.PassExpired", "hubag.vouchers.PassExpired", "hubag.vouchers.PassExpired",
                "hubag.vouchers.OrderExpired");
        PublishedVoucherEvents.assertValid(expiry, "GF", codes);
    }

    private static boolean isExpiry(ConsumerRecord<String, byte[]> record) {
        String type = CloudEventHeaders.get(record.headers(), "ce_type");
        return type.endsWith("Expired");
    }
}
