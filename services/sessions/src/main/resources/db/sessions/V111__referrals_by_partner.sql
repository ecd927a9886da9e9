-- A partner's referrals are listed from the kernel's tables: the partner is named by each referral's first event.
CREATE INDEX es_events_referral_partner ON es_events ((payload ->> 'partner')) WHERE event_type = 'ReferralSubmitted';
-- The expiry job looks for unanswered referrals (still at version 1) of a territory.
CREATE INDEX es_streams_unanswered_referrals ON es_streams (territory, created_at)
    WHERE stream_type = 'referral' AND version = 1;
