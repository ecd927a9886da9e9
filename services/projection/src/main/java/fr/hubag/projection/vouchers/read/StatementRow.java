package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * An actor's monthly statement: the passes redeemed there in the month (YYYY-MM, of the actor's territory's zone)
 * and the amount owed in cents; {@code paid} with the payment's reference once the hub paid it.
 */
@Schema(name = "VoucherStatement")
public record StatementRow(UUID statementId, UUID actorId, String territory, String month, long passes,
                           long amountCents, Instant issuedAt,
                           @Schema(enumeration = {"issued", "paid"}) String status, Instant paidAt,
                           String paymentReference) {}
