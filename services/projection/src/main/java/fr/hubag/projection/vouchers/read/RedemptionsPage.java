package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A page of an order's redemptions by month, actor and commune; {@code next}: the next page's link or null. */
@Schema(name = "VoucherRedemptionsPage")
public record RedemptionsPage(UUID orderId, String month, int size, List<RedemptionRow> items, String next) {}
