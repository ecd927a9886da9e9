package fr.hubag.vouchers.api;

import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.domain.Territory;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.domain.PassState;
import fr.hubag.vouchers.infra.Refusals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the vouchers API answers: orders with their amounts in cents, passes after a command, refusals. No code. */
public final class VoucherViews {

    private VoucherViews() {}

    public record PerimeterView(List<String> territories, List<String> communes) {}

    /**
     * An order: what was quoted, its status ({@code quoted}, {@code activated}, then {@code expired}) and its stream
     * version.
     */
    public record OrderView(UUID id, String funderId, String territory, PerimeterView perimeter, int booklets,
                            int passesPerBooklet, long faceValueCents, long faceTotalCents, int feeBasisPoints,
                            long feeCents, long totalCents, LocalDate validUntil, LocalDate acceptedUntil,
                            String programmeId, List<String> distributors, String status, String mandateReference,
                            LocalDate lateDistributionFrom, boolean lateDistributionConfirmed, long version) {

        static OrderView of(OrderState.Order order, long version) {
            OrderQuoted q = order.quote();
            return new OrderView(q.orderId(), q.funderId(), q.territory().name(),
                    new PerimeterView(q.perimeter().territories().stream().map(Territory::name).toList(),
                            q.perimeter().communes()), q.booklets(), q.passesPerBooklet(), q.faceValueCents(),
                    q.faceTotalCents(), q.feeBasisPoints(), q.feeCents(), q.totalCents(), q.validUntil(),
                    q.acceptedUntil(), q.programmeId(), q.distributors(),
                    order.expired() ? "expired" : order.activated() ? "activated" : "quoted", order.mandateReference(),
                    order.terms().lateDistributionFrom(), order.lateDistributionConfirmed(), version);
        }
    }

    /** A pass after a distribution or a redemption. */
    public record PassView(UUID passId, String status, UUID beneficiaryId, UUID actorId, LocalDate redeemedOn,
                           long version) {

        static PassView of(PassState state, long version) {
            return switch (state) {
                case PassState.Distributed d -> new PassView(d.passId(), "distributed", d.beneficiaryId(), null,
                        null, version);
                case PassState.Redeemed r -> new PassView(r.passId(), "redeemed", r.beneficiaryId(), r.actorId(),
                        r.redeemedOn(), version);
                case PassState.InBooklet none -> new PassView(null, "in_booklet", null, null, null, version);
                case PassState.Expired e -> new PassView(e.passId(), "expired", null, null, null, version);
            };
        }
    }

    /** A distribution's answer: the passes handed out (one, or a booklet's). */
    public record DistributionView(List<PassView> passes) {}

    /** A redemption's answer: what the actor is owed for which pass, and on which local date. */
    public record RedemptionView(UUID passId, UUID orderId, UUID actorId, String territory,
                                 String communeInseeCode, LocalDate redeemedOn, long faceValueCents,
                                 UUID sessionId, long version) {}

    public record RefusalView(Instant refusedAt, UUID actorId, String territory, UUID passId, UUID orderId,
                              String reason, String caller) {

        static RefusalView of(Refusals.Refusal r) {
            return new RefusalView(r.refusedAt(), r.actorId(), r.territory(), r.passId(), r.orderId(), r.reason(),
                    r.caller());
        }
    }
}
