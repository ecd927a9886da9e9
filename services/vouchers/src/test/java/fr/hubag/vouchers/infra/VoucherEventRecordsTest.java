package fr.hubag.vouchers.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.hubag.contracts.vouchers.VoucherEvent;
import fr.hubag.contracts.vouchers.VoucherEvents;
import fr.hubag.domain.EventCatalogue;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.EventContracts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records of {@code fr.hubag.contracts.vouchers} and the schemas of contracts/events/vouchers agree both ways; the
 * schemas refuse a code in clear, a float amount or a foreign commune; AsyncAPI lists each type on vouchers.events.
 */
class VoucherEventRecordsTest {

    private static final EventCodec<VoucherEvent> TOPIC = EventCodec.of(VoucherEvents.TOPIC,
            VoucherEvent::occurredAt);

    @Test
    void examplesReadIntoTheirRecordsAndAreWrittenBackValidAndUnchanged() throws IOException {
        for (EventCatalogue.Current<? extends VoucherEvent> current : VoucherEvents.TOPIC.events()) {
            String schema = CloudEventHeaders.dataSchema("vouchers", current.type(), current.version());
            for (JsonNode example : EventContracts.examples("vouchers", current.type(), current.version())) {
                assertThat(EventContracts.validate(schema, example.toString())).as(current.type()).isEmpty();
                VoucherEvent event = TOPIC.decode(current.type(), current.version(), example.toString());
                assertThat(event).isInstanceOf(current.javaType());
                String again = TOPIC.encode(event);
                assertThat(EventContracts.validate(schema, again)).as(again).isEmpty();
                assertThat(EventContracts.comparable(EventCodec.JSON.readTree(again), "occurredAt"))
                        .isEqualTo(EventContracts.comparable(example, "occurredAt"));
            }
        }
        assertThat(VoucherEvents.TOPIC.events()).hasSize(VoucherEvents.ORDERS.events().size()
                + VoucherEvents.PASSES.events().size() + VoucherEvents.STATEMENTS.events().size()
                + VoucherEvents.REFUSALS.events().size());
    }

    @Test
    void schemasRefuseCodesAmountsInEurosAndCommunesOutsideTheHub() throws IOException {
        refused("PassesIssued", p -> ((ObjectNode) p.withArray("passes").get(0)).put("code", "ABCD-EFGH-JKMN-PQR"),
                "code");
        refused("PassesIssued", p -> ((ObjectNode) p.withArray("passes").get(0)).put("codeHash", "ABCD"),
                "codeHash");
        refused("OrderQuoted", p -> p.put("faceValueCents", 10.5), "faceValueCents");
        refused("OrderQuoted", p -> p.withObject("perimeter").withArray("territories").removeAll(), "territories");
        refused("PassRedeemed", p -> p.put("communeInseeCode", "75056"), "communeInseeCode");
        refused("PassDistributed", p -> p.put("name", "Marie"), "name");
        refused("PassDistributed", p -> p.put("ageBand", "42"), "ageBand");
        refused("StatementIssued", p -> p.put("totalCents", 20.5), "totalCents");
        refused("StatementIssued", p -> p.withArray("lines").removeAll(), "lines");
        refused("StatementIssued", p -> p.put("month", "2026-13"), "month");
        refused("StatementPaid", p -> p.put("paymentReference", ""), "paymentReference");
        // a refusal names no code typed and no beneficiary; its reason is a code, its territory one of the hub's
        refused("RedemptionRefused", p -> p.put("code", "ABCD-EFGH-JKMN-PQR"), "code");
        refused("RedemptionRefused", p -> p.put("beneficiaryId", "3f6c2a1e-8b4d-4c7a-9e15-2d0b7a4c9f61"),
                "beneficiaryId");
        refused("RedemptionRefused", p -> p.put("reason", "Already redeemed!"), "reason");
        refused("RedemptionRefused", p -> p.put("territory", "FR"), "territory");
    }

    @Test
    void asyncApiListsEveryTypeOnVouchersEvents() throws IOException {
        String asyncApi;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResource("contracts/asyncapi/asyncapi.yaml").openStream()) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (EventCatalogue.Current<? extends VoucherEvent> current : VoucherEvents.TOPIC.events()) {
            assertThat(asyncApi).contains("$ref: '../events/vouchers/" + current.type() + ".v1.json'")
                    .contains("      " + current.type() + ":\n        $ref: '#/components/messages/"
                            + current.type());
        }
    }

    static void refused(String type, Consumer<ObjectNode> breakIt, String mentioned) throws IOException {
        ObjectNode payload = EventContracts.examples("vouchers", type, 1).get(0).deepCopy();
        breakIt.accept(payload);
        var errors = EventContracts.validate(CloudEventHeaders.dataSchema("vouchers", type, 1), payload.toString());
        assertThat(errors).as("%s broken: %s", type, payload).isNotEmpty();
        assertThat(errors.toString()).contains(mentioned);
    }
}
