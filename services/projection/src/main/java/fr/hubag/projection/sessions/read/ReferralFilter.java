package fr.hubag.projection.sessions.read;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which referrals a request reads: those of {@code territories} (what the caller's token covers of the scope), of
 * {@code partner} when not null (a partner: its own), assigned to one of {@code assignedTo} when not null (a
 * mediator: their actors'), and the optional filters (null: any): a status, an outcome, changed at or after an
 * instant.
 */
public record ReferralFilter(List<String> territories, String partner, List<UUID> assignedTo, String status,
                             String outcome, Instant changedSince) {}
