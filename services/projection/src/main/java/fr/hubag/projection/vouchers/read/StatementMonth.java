package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The statements of a month (YYYY-MM) added up: issued, passes, amount owed, and how much of it is paid. */
@Schema(name = "VoucherStatementMonth")
public record StatementMonth(String month, long statements, long passes, long amountCents, long paidStatements,
                             long paidCents) {}
