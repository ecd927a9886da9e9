-- Issue 11: the trajectory of each pseudonymous beneficiary and the partners' referrals, per territory (gp, gf, mq,
-- mf) and hub-wide (hub), built from sessions.events by the sessions read model's consumer (projection.sessions;
-- rebuilt with it by replay). Pseudonymous ids, dates, codes and counts only: no personal data exists in the events.
-- Table names are unique across read models: the serving generation is looked up by table name.
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['gp', 'gf', 'mq', 'mf', 'hub'] LOOP
        -- One row per person and activity they took part in: a report naming them, or a scheduled session where
        -- their attendance was recorded (the session's ActivityRecorded replaces the attendance rows when it is
        -- completed: same activity id). counted: they were there and the activity's last record names them;
        -- a row not counted stays so that an older record applied again cannot bring it back (version guard).
        EXECUTE format($t$
            CREATE TABLE %I.trajectory_contacts (
                beneficiary_id   uuid        NOT NULL,
                activity_id      uuid        NOT NULL,
                origin           text        NOT NULL CHECK (origin IN ('report', 'session')),
                type             text        NOT NULL,
                date             date        NOT NULL,
                occurred_at      timestamptz NOT NULL,
                duration_minutes integer     NOT NULL,
                themes           text[]      NOT NULL DEFAULT '{}',
                autonomy         text,
                counted          boolean     NOT NULL,
                version          bigint      NOT NULL,
                PRIMARY KEY (beneficiary_id, activity_id)
            )$t$, s);
        -- unique, so that it stays while a rebuild fills the tables: each ActivityRecorded recounts its people by it
        EXECUTE format('CREATE UNIQUE INDEX ON %I.trajectory_contacts (activity_id, beneficiary_id)', s);

        -- One row per person: their registration (the registering census actor, when) and what their contacts add
        -- up to, recounted from trajectory_contacts after each change. erased_at: BeneficiaryErased was applied
        -- (the pseudonymous history stays).
        EXECUTE format($t$
            CREATE TABLE %I.trajectories (
                beneficiary_id       uuid        PRIMARY KEY,
                territory            text        NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                actor_id             uuid,
                registered_at        timestamptz,
                erased_at            timestamptz,
                first_contact        date,
                last_contact         date,
                sessions             integer     NOT NULL DEFAULT 0,
                themes               text[]      NOT NULL DEFAULT '{}',
                last_autonomy        text,
                autonomous_on        date,
                sessions_to_autonomy integer,
                days_to_autonomy     integer
            )$t$, s);
        EXECUTE format('CREATE INDEX ON %I.trajectories (actor_id, beneficiary_id)', s);

        -- One row per referral: its submission and where it stands. status: submitted, accepted, refused, assigned,
        -- closed (with its outcome), expired. beneficiary_id is cleared when the person is erased.
        EXECUTE format($t$
            CREATE TABLE %I.referrals (
                referral_id        uuid        PRIMARY KEY,
                partner            text        NOT NULL,
                territory          text        NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                beneficiary_id     uuid,
                beneficiary_erased boolean     NOT NULL DEFAULT false,
                reason             text        NOT NULL,
                themes             text[]      NOT NULL DEFAULT '{}',
                status             text        NOT NULL CHECK (status IN ('submitted', 'accepted', 'refused',
                                                   'assigned', 'closed', 'expired')),
                refusal_reason     text,
                actor_id           uuid,
                session_id         uuid,
                outcome            text,
                redirected_to      text,
                expired_after_days integer,
                submitted_at       timestamptz NOT NULL,
                accepted_at        timestamptz,
                refused_at         timestamptz,
                assigned_at        timestamptz,
                closed_at          timestamptz,
                expired_at         timestamptz,
                changed_at         timestamptz NOT NULL,
                version            bigint      NOT NULL
            )$t$, s);
        -- the listings' orders: a partner's own, everyone's
        EXECUTE format('CREATE INDEX ON %I.referrals (partner, changed_at, referral_id)', s);
        EXECUTE format('CREATE INDEX ON %I.referrals (changed_at, referral_id)', s);
        EXECUTE format('CREATE INDEX ON %I.referrals (beneficiary_id)', s);
    END LOOP;
END
$$;
