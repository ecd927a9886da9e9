package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of orders, newest first; {@code next} is the next page's link (null: the last). */
@Schema(name = "VoucherOrdersPage")
public record OrdersPage(String scope, String funderId, int size, List<OrderSummary> items, String next) {}
