package fr.hubag.projection.support;

import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.contracts.vouchers.VoucherEvent.RedemptionRefused;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementIssued;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementPaid;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What the vouchers service publishes besides orders and passes, as it would: an actor's monthly statement (issued,
 * then paid), each a stream in the actor's territory, and a refusal whose code led to no order (in the actor's).
 */
public final class VoucherSettlement {

    private final List<VoucherStream> streams = new ArrayList<>();

    /** Issues the statement of {@code passes} passes of {@code cents} each; its stream, to pay it. */
    public VoucherStream statement(UUID actor, Territory territory, YearMonth month, int passes, long cents) {
        VoucherStream stream = VoucherStream.statement(UUID.randomUUID(), territory.name());
        streams.add(stream);
        List<StatementLine> lines = IntStream.range(0, passes).mapToObj(n -> new StatementLine(UUID.randomUUID(),
                UUID.randomUUID(), month.atDay(1 + n % 28), cents)).toList();
        stream.publish(new StatementIssued(stream.id(), actor, territory, month, lines, passes, passes * cents,
                month.plusMonths(1).atDay(1).atStartOfDay(territory.zone()).toInstant().plusSeconds(3600)));
        return stream;
    }

    public void paid(VoucherStream statement, UUID actor, Territory territory, YearMonth month, String reference) {
        statement.publish(new StatementPaid(statement.id(), actor, territory, month, reference, "hub-admin-test",
                month.plusMonths(1).atDay(10).atStartOfDay(territory.zone()).toInstant()));
    }

    /** A code refused before any order was found (mistyped, unknown). */
    public void refusedWithoutOrder(UUID actor, Territory territory, String reason) {
        VoucherStream stream = VoucherStream.refusal(UUID.randomUUID(), territory.name());
        streams.add(stream);
        stream.publish(new RedemptionRefused(stream.id(), actor, territory, null, null, null, reason,
                Instant.parse("2026-06-01T12:00:00Z")));
    }

    public List<List<ConsumedEvent>> published() {
        return streams.stream().map(VoucherStream::published).toList();
    }

    public void redeliver() {
        streams.forEach(s -> s.published().forEach(s::redeliver));
    }
}
