package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Passes redeemed in a month (YYYY-MM, local to the redeeming actor's territory) and what they are worth. */
@Schema(name = "VoucherMonthFigures")
public record MonthFigures(String month, long passes, long cents) {}
