package fr.hubag.projection.sessions.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of referrals, oldest change first; {@code next} links the following page (absent on the last). */
@Schema(name = "PartnerReferralPage")
public record ReferralPage(@Schema(description = "GP, GF, MQ, MF or hub") String territory, int size,
                           List<PartnerReferral> items,
                           @Schema(description = "the next page's link (path and query), absent on the last")
                           String next) {}
