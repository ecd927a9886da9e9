package fr.hubag.vouchers.api;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.EventContracts;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of records the vouchers relay published: schema, CloudEvents headers, and no code in clear. */
final class PublishedVoucherEvents {

    private PublishedVoucherEvents() {}

    static void assertValid(List<ConsumerRecord<String, byte[]>> records, String territory, List<String> codes) {
        for (ConsumerRecord<String, byte[]> record : records) {
            String payload = new String(record.value(), StandardCharsets.UTF_8);
            String schema = CloudEventHeaders.get(record.headers(), "ce_dataschema");
            assertThat(EventContracts.validate(schema, payload)).as("%s against %s", payload, schema).isEmpty();
            assertThat(CloudEventHeaders.get(record.headers(), "ce_territory")).isEqualTo(territory);
            assertThat(CloudEventHeaders.get(record.headers(), "ce_source")).isEqualTo("/hubag/vouchers");
            for (String code : codes) {
                assertThat(payload).doesNotContain(code).doesNotContain(code.replace("-", ""));
            }
        }
    }
}
