package fr.hubag.sessions.api;

import fr.hubag.servicekit.problem.Violations;
import fr.hubag.sessions.infra.ReferralQueries;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/** The keyset position of a page of referrals, opaque to partners: the last row's change time and id, base64url. */
final class ReferralCursor {

    private ReferralCursor() {}

    static String encode(ReferralQueries.Changed last) {
        String position = last.changedAt() + "|" + last.referralId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static ReferralQueries.Changed decode(Violations v, String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = position.indexOf('|');
            return new ReferralQueries.Changed(UUID.fromString(position.substring(bar + 1)),
                    OffsetDateTime.parse(position.substring(0, bar)));
        } catch (RuntimeException e) {
            v.add("cursor", "must be a nextCursor this service returned");
            return null;
        }
    }
}
