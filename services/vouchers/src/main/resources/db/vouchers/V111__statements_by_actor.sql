-- An actor's statements, every month, for its mediators and its territory's coordinators: the statements' events by
-- actor (one or two per actor and month), so the list is read without knowing the months.
CREATE INDEX es_events_statements_by_actor
    ON es_events ((payload ->> 'actorId'))
    WHERE event_type IN ('StatementIssued', 'StatementPaid');
