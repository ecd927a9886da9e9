package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ledger of one territory (of an order, or of every order of a scope). */
@Schema(name = "VoucherTerritoryFigures")
public record TerritoryFigures(String territory, LedgerFigures figures) {}
