package fr.hubag.projection.support;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.Reconciliation;
import fr.hubag.contracts.vouchers.Reconciliation.Tally;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderActivated;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.contracts.vouchers.VoucherEvent.PassDistributed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassesIssued;
import fr.hubag.contracts.vouchers.VoucherEvent.RedemptionRefused;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An order of APTIC passes published on {@code vouchers.events} as the vouchers service would: quoted with its
 * booklets' passes, activated, then each pass distributed and redeemed on its own stream, in the order's territory.
 * Amounts as the service computes them (a 4 % fee, rounded half up once on the face total).
 */
public final class VoucherOrder {

    public static final Instant AT = Instant.parse("2026-03-02T12:00:00Z");

    private final VoucherStream order;
    private final List<VoucherStream> refusals = new ArrayList<>();
    private final Territory territory;
    private final int passesPerBooklet;
    private final long faceValueCents;
    private final List<List<UUID>> booklets = new ArrayList<>();
    private final Map<UUID, VoucherStream> passes = new LinkedHashMap<>();

    private String funder;
    private long feeCents;

    private VoucherOrder(Territory territory, int passesPerBooklet, long faceValueCents) {
        this.order = VoucherStream.order(UUID.randomUUID(), territory.name());
        this.territory = territory;
        this.passesPerBooklet = passesPerBooklet;
        this.faceValueCents = faceValueCents;
    }

    /** Quotes and activates an order of the funder for the perimeter (its first territory leads). */
    public static VoucherOrder activated(String funder, List<Territory> perimeter, int booklets, int passesPerBooklet,
                                         long faceValueCents) {
        VoucherOrder made = new VoucherOrder(perimeter.getFirst(), passesPerBooklet, faceValueCents);
        long face = booklets * passesPerBooklet * faceValueCents;
        long fee = (face * 400 + 5_000) / 10_000;
        made.funder = funder;
        made.feeCents = fee;
        made.order.publish(new OrderQuoted(made.id(), funder, made.territory, new Perimeter(perimeter, List.of()),
                booklets, passesPerBooklet, faceValueCents, face, 400, fee, face + fee, LocalDate.parse("2026-12-31"),
                LocalDate.parse("2027-01-31"), "programme-test", List.of("ccas-test"), AT));
        for (int b = 1; b <= booklets; b++) {
            List<UUID> ids = Stream.generate(UUID::randomUUID).limit(passesPerBooklet).toList();
            made.booklets.add(ids);
            made.order.publish(new PassesIssued(made.id(), b, ids.stream()
                    .map(id -> new IssuedPass(id, id.toString().replace("-", "") + "hashhashhas")).toList(), AT));
        }
        made.order.publish(new OrderActivated(made.id(), "SEPA-TEST-" + made.id(), AT));
        return made;
    }

    public UUID id() { return order.id(); }

    /** The n-th pass (from 0) of booklet b (from 1). */
    public UUID pass(int booklet, int n) { return booklets.get(booklet - 1).get(n); }

    public void distribute(int booklet, int n) {
        UUID pass = pass(booklet, n);
        stream(pass).publish(new PassDistributed(pass, id(), territory, booklet, "ccas-test", UUID.randomUUID(),
                AgeBand.VINGT_CINQ_TRENTE_NEUF, null, AT));
    }

    /** Redeemed at 23:30 on that local date in the actor's zone: already the next day in UTC. */
    public void redeem(int booklet, int n, UUID actor, Territory where, String commune, String on) {
        UUID pass = pass(booklet, n);
        LocalDate day = LocalDate.parse(on);
        stream(pass).publish(new PassRedeemed(pass, id(), actor, where, commune, day, faceValueCents, null,
                day.atTime(23, 30).atZone(where.zone()).toInstant()));
    }

    /** A redemption of the pass refused at the actor (of {@code where}), on a stream of its own. */
    public void refuse(int booklet, int n, UUID actor, Territory where, String reason) {
        VoucherStream refusal = VoucherStream.refusal(UUID.randomUUID(), territory.name());
        refusals.add(refusal);
        refusal.publish(new RedemptionRefused(refusal.id(), actor, where, pass(booklet, n), id(), territory, reason,
                AT.plusSeconds(60)));
    }

    /** The pass was not redeemed by the end of the tolerance; its face value is credited. */
    public void expire(int booklet, int n, boolean distributed) {
        UUID pass = pass(booklet, n);
        stream(pass).publish(new PassExpired(pass, id(), territory, booklet, distributed, faceValueCents,
                LocalDate.parse("2027-01-31"), Instant.parse("2027-02-01T04:00:00Z")));
    }

    /** The credit note, as the vouchers service reconciles it from the counts given. */
    public void expireOrder(int distributed, int redeemed, int expiredUndistributed) {
        int ordered = booklets.size() * passesPerBooklet;
        long expiredCents = (ordered - redeemed) * faceValueCents;
        order.publish(new OrderExpired(id(), funder, territory, LocalDate.parse("2027-01-31"), new Reconciliation(
                tally(ordered), tally(distributed), tally(redeemed), tally(ordered - redeemed),
                tally(expiredUndistributed), feeCents, 0, ordered * faceValueCents + feeCents, expiredCents),
                Instant.parse("2027-02-01T04:00:00Z")));
    }

    private Tally tally(long passes) {
        return new Tally(passes, passes * faceValueCents);
    }

    /** Everything published for this order, its stream's, its passes' and its refusals'. */
    public List<List<ConsumedEvent>> published() {
        List<List<ConsumedEvent>> all = new ArrayList<>();
        all.add(order.published());
        passes.values().forEach(p -> all.add(p.published()));
        refusals.forEach(r -> all.add(r.published()));
        return all;
    }

    /** Sends every event of the order again with its id, as Kafka may redeliver. */
    public void redeliver() {
        order.published().forEach(order::redeliver);
        passes.values().forEach(p -> p.published().forEach(p::redeliver));
        refusals.forEach(r -> r.published().forEach(r::redeliver));
    }

    public int passesPerBooklet() { return passesPerBooklet; }

    private VoucherStream stream(UUID pass) {
        return passes.computeIfAbsent(pass, id -> VoucherStream.pass(id, territory.name()));
    }
}
