package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Every order of a scope added up (hub: the hub-wide consolidation): orders quoted, activated and expired, the
 * ledger's totals (expired passes, credited cents included), per territory and redemptions per month; refused
 * redemptions by reason, in all and per territory (those of codes that led to no order included); the actors'
 * statements per month, owed and paid. No funder, order or actor is named.
 */
@Schema(name = "VoucherConsolidation")
public record Consolidation(String scope, long orders, long activatedOrders, long expiredOrders, LedgerFigures totals,
                            List<TerritoryFigures> byTerritory, List<MonthFigures> redemptionsByMonth,
                            RefusalFigures refusals, List<RefusalFigures.InTerritory> refusalsByTerritory,
                            List<StatementMonth> statementsByMonth) {}
