package fr.hubag.projection.vouchers.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order as its funder follows it: its quote, its state ({@code expired} once its credit note is issued) and its
 * ledger added up over its territories; its credit note (null until it expired).
 */
@Schema(name = "VoucherOrderSummary")
public record OrderSummary(UUID orderId, String funderId, String territory, List<String> perimeterTerritories,
                           List<String> perimeterCommunes, int booklets, int passesPerBooklet, long faceValueCents,
                           long faceTotalCents, int feeBasisPoints, long feeCents, long totalCents,
                           LocalDate validUntil, LocalDate acceptedUntil, String programmeId, Instant quotedAt,
                           @Schema(enumeration = {"quoted", "activated", "expired"}) String status,
                           Instant activatedAt, boolean lateDistributionConfirmed, LedgerFigures totals,
                           Instant expiredAt, CreditNote creditNote) {}
