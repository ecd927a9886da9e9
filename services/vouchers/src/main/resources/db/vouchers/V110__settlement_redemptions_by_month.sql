-- The monthly settlement reads who redeemed what in a month straight from the passes' streams: the PassRedeemed
-- events of a territory whose local redemption date (redeemedOn, already in the actor's zone) falls in the month,
-- actor by actor. This partial index serves that range (one entry per redeemed pass, none for other events), so a
-- month is read in pages of actors without a copy of the redemptions in a table of their own.
CREATE INDEX es_events_redemptions_by_month
    ON es_events ((payload ->> 'territory'), (payload ->> 'redeemedOn'), (payload ->> 'actorId'))
    WHERE event_type = 'PassRedeemed';
