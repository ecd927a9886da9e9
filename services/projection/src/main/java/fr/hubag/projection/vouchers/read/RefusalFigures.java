package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Refused redemptions (of an order, of a territory, or of a scope), in all and by reason (the refusal's problem
 * code: {@code pass-already-redeemed}, {@code actor-not-labelled}, {@code code-mistyped}...), most frequent first.
 */
@Schema(name = "VoucherRefusalFigures")
public record RefusalFigures(long refusals, List<ByReason> byReason) {

    public static final RefusalFigures NONE = new RefusalFigures(0, List.of());

    @Schema(name = "VoucherRefusalsByReason")
    public record ByReason(String reason, long refusals) {}

    /** Refusals of one territory (the refused actor's). */
    @Schema(name = "VoucherTerritoryRefusals")
    public record InTerritory(String territory, RefusalFigures figures) {}

    static RefusalFigures of(List<ByReason> byReason) {
        return new RefusalFigures(byReason.stream().mapToLong(ByReason::refusals).sum(), byReason);
    }
}
