package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Redemptions of an order in a month (YYYY-MM, local to the actor's territory) at one actor in one commune. */
@Schema(name = "VoucherRedemptions")
public record RedemptionRow(String month, UUID actorId, String commune, String territory, long passes, long cents) {}
