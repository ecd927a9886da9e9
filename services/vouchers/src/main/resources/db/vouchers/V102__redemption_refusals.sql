-- Redemptions refused (a typo, an unknown code, a pass already redeemed, an unlabelled actor...), kept for hub staff's
-- fraud review: many bad codes from one actor show here. Not events: a refusal changes no pass, and 49 losers of a
-- race must not contend on the winner's stream. territory is the actor's when the census knows it.
CREATE TABLE redemption_refusals (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    refused_at timestamptz NOT NULL,
    actor_id   uuid        NOT NULL,
    territory  text,
    pass_id    uuid,
    order_id   uuid,
    reason     text        NOT NULL,
    caller     text        NOT NULL
);
CREATE INDEX redemption_refusals_recent ON redemption_refusals (territory, refused_at DESC);
