package fr.hubag.projection;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.VoucherEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderActivated;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.contracts.vouchers.VoucherEvent.PassDistributed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassesIssued;
import fr.hubag.contracts.vouchers.VoucherEvents;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.vouchers.projector.VouchersProjector;
import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a campaign costs the vouchers read models: orders of 10 000 passes each distributed then redeemed, applied
 * as the live consumer applies polls (500 events a transaction, each once by event id with its checkpoint, to mq,
 * which hub's views unite since V142) through the kernel's consumer and the projector, without Kafka in between.
 * Prints events/s per phase; asserts nothing about time. {@code ./mvnw -o -q verify -pl services/projection -am
 * -Dtest=VouchersProjectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dhub.bench=true
 * [-Dhub.bench.orders=2]}
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class VouchersProjectionBenchmark {

    static final EventCodec<VoucherEvent> EVENTS = EventCodec.of(VoucherEvents.TOPIC, VoucherEvent::occurredAt);
    static final Instant AT = Instant.parse("2026-03-02T12:00:00Z");
    static final int POLL = 500;

    @Inject
    IdempotentConsumer consumer;
    @Inject
    VouchersProjector projector;
    @Inject
    Generations generations;

    long offset;

    @Test
    void campaignRates() {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int orders = Integer.getInteger("hub.bench.orders", 2);
        String name = "bench.vouchers." + Api.tag();
        List<ConsumedEvent> quotes = new ArrayList<>();
        List<ConsumedEvent> distributions = new ArrayList<>();
        List<ConsumedEvent> redemptions = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            UUID order = UUID.randomUUID();
            quotes.add(event(order, 1, new OrderQuoted(order, "bench-funder", Territory.MQ,
                    new Perimeter(List.of(Territory.MQ), List.of()), 1000, 10, 1000, 10_000_000, 400, 400_000,
                    10_400_000, LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-31"), null, List.of(), AT)));
            for (int b = 1; b <= 1000; b++) {
                List<IssuedPass> passes = new ArrayList<>();
                for (int n = 0; n < 10; n++) {
                    UUID pass = UUID.randomUUID();
                    passes.add(new IssuedPass(pass, "x".repeat(43)));
                    distributions.add(event(pass, 1, new PassDistributed(pass, order, Territory.MQ, b, "bench-ccas",
                            UUID.randomUUID(), AgeBand.NON_COMMUNIQUE, null, AT)));
                    redemptions.add(event(pass, 2, new PassRedeemed(pass, order, UUID.nameUUIDFromBytes(
                            new byte[] {(byte) (n % 50)}), Territory.MQ, "97209",
                            LocalDate.parse("2026-03-01").plusDays(n), 1000, null, AT)));
                }
                quotes.add(event(order, b + 1, new PassesIssued(order, b, passes, AT)));
            }
            quotes.add(event(order, 1002, new OrderActivated(order, "SEPA-BENCH", AT)));
        }
        System.out.printf("%n[bench] vouchers projection, %d orders of 10 000 passes, polls of %d events:%n", orders,
                POLL);
        phase("orders (quote, 1 000 booklets, activation)", name, quotes);
        phase("distributions", name, distributions);
        phase("redemptions", name, redemptions);
        System.out.println();
    }

    private void phase(String what, String name, List<ConsumedEvent> events) {
        long start = System.nanoTime();
        for (int i = 0; i < events.size(); i += POLL) {
            List<ConsumedEvent> poll = events.subList(i, Math.min(events.size(), i + POLL));
            consumer.processPoll(name, poll, (tx, fresh) -> projector.applyAll(tx, fresh,
                    generations.serving(projector))).await().atMost(Duration.ofMinutes(2));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[bench]   %-44s %7d events in %6.1f s: %6.0f events/s%n", what, events.size(), seconds,
                events.size() / seconds);
    }

    private ConsumedEvent event(UUID stream, long version, VoucherEvent event) {
        long at = offset++;
        UUID id = UUID.randomUUID();
        return new ConsumedEvent(id, "hubag.vouchers." + EVENTS.typeOf(event), EVENTS.schemaVersionOf(event),
                stream.toString(), "MQ", version, EVENTS.encode(event), "corr-" + id, "vouchers.bench",
                (int) (at % 3), at / 3);
    }
}
