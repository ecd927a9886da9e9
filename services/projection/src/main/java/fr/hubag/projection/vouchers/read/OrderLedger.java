package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The live funder view of one order: the order with its totals, and its ledger per territory (issued and distributed
 * in the order's territory, redemptions where the actors are). The territories' figures add up to the totals.
 */
@Schema(name = "VoucherOrderLedger")
public record OrderLedger(OrderSummary order, List<TerritoryFigures> territories) {}
