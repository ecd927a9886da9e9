package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Every order of a scope added up (hub: the hub-wide consolidation): orders quoted and activated, the ledger's
 * totals, per territory and redemptions per month. No funder, order or actor is named.
 */
@Schema(name = "VoucherConsolidation")
public record Consolidation(String scope, long orders, long activatedOrders, LedgerFigures totals,
                            List<TerritoryFigures> byTerritory, List<MonthFigures> redemptionsByMonth) {}
