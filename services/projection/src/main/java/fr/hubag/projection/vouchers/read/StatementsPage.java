package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A page of statements, newest month first; {@code next}: the next page's link or null. */
@Schema(name = "VoucherStatementsPage")
public record StatementsPage(String scope, UUID actorId, String month, int size, List<StatementRow> items,
                             String next) {}
