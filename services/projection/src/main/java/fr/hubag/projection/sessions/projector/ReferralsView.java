package fr.hubag.projection.sessions.projector;

import fr.hubag.contracts.sessions.ReferralEvent;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAccepted;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAssigned;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralExpired;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralOutcomeRecorded;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralRefused;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralSubmitted;
import fr.hubag.projection.shared.batch.Statement;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static fr.hubag.projection.sessions.projector.TrajectoriesView.utc;

/**
 * The partners' referrals where they stand ({@code referrals}): one row per referral, changed by each of its events
 * under a stream-version guard, so an event applied again, or an older one after a newer, changes nothing. Every
 * referral event names its partner and territory, so no other stream is needed to route a row; the person appears by
 * pseudonymous id only, until they are erased.
 */
@ApplicationScoped
public class ReferralsView {

    List<Statement> changed(String schema, ReferralEvent event, long version) {
        String table = schema + ".referrals";
        OffsetDateTime at = utc(event.occurredAt());
        UUID id = event.referralId();
        return switch (event) {
            case ReferralSubmitted s -> List.of(new Statement("INSERT INTO " + table + " (referral_id, partner, "
                    + "territory, beneficiary_id, beneficiary_erased, reason, themes, status, submitted_at, "
                    + "changed_at, version) SELECT $1::uuid, $2::text, $3::text, "
                    + "CASE WHEN e.erased THEN NULL ELSE $4::uuid END, e.erased, $5::text, $6::text[], 'submitted', "
                    + "$7::timestamptz, $7::timestamptz, $8::bigint FROM (SELECT EXISTS (SELECT 1 FROM " + schema
                    + ".trajectories t WHERE t.beneficiary_id = $4::uuid AND t.erased_at IS NOT NULL) AS erased) e "
                    + "ON CONFLICT (referral_id) DO NOTHING",
                    Tuple.wrap(Arrays.asList(id, s.partner(), s.territory().name(), s.beneficiaryId(),
                            s.reason().code(), s.themes().stream().map(t -> t.code()).toArray(String[]::new), at,
                            version))));
            case ReferralAccepted a -> update(table, "status = 'accepted', accepted_at = $3", id, version, at);
            case ReferralRefused r -> update(table, "status = 'refused', refused_at = $3, refusal_reason = $4", id,
                    version, at, r.reason().code());
            case ReferralAssigned a -> update(table, "status = 'assigned', assigned_at = $3, actor_id = $4, "
                    + "session_id = $5", id, version, at, a.actorId(), a.sessionId());
            case ReferralOutcomeRecorded o -> update(table, "status = 'closed', closed_at = $3, outcome = $4, "
                    + "redirected_to = $5", id, version, at, o.outcome().code(),
                    o.redirectedTo() == null ? null : o.redirectedTo().code());
            case ReferralExpired e -> update(table, "status = 'expired', expired_at = $3, expired_after_days = $4",
                    id, version, at, e.afterDays());
        };
    }

    /** The person was erased: their referrals stay, without the id that ties them to the partner's file. */
    List<Statement> erased(String schema, UUID beneficiaryId) {
        return List.of(new Statement("UPDATE " + schema + ".referrals SET beneficiary_id = NULL, "
                + "beneficiary_erased = true WHERE beneficiary_id = $1", Tuple.of(beneficiaryId)));
    }

    private static List<Statement> update(String table, String set, UUID id, long version, OffsetDateTime at,
                                          Object... more) {
        Object[] values = new Object[3 + more.length];
        values[0] = id;
        values[1] = version;
        values[2] = at;
        System.arraycopy(more, 0, values, 3, more.length);
        return List.of(new Statement("UPDATE " + table + " SET " + set + ", changed_at = $3, version = $2 "
                + "WHERE referral_id = $1 AND version < $2", Tuple.wrap(Arrays.asList(values))));
    }
}
