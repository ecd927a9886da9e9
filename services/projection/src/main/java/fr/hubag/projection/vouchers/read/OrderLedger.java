package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The live funder view of one order: the order with its totals (and its credit note once expired), its ledger per
 * territory (issued, distributed and expired in the order's territory, redemptions where the actors are) — the
 * territories' figures add up to the totals — and its refused redemptions by reason.
 */
@Schema(name = "VoucherOrderLedger")
public record OrderLedger(OrderSummary order, List<TerritoryFigures> territories, RefusalFigures refusals) {}
