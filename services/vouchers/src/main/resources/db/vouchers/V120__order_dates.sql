-- Expiry, alerts and credit notes find orders by their dates and funder in the event store itself (an order's facts are fixed at its
-- quote): partial indexes on the OrderQuoted payloads only, one row per order, nothing added to a redemption's write.
-- Dates are ISO text (yyyy-mm-dd), which sorts as dates do; a cast to date would not be immutable, so none is indexed.
CREATE INDEX es_events_order_accepted_until ON es_events ((payload ->> 'territory'), (payload ->> 'acceptedUntil'))
    WHERE event_type = 'OrderQuoted';
CREATE INDEX es_events_order_valid_until ON es_events ((payload ->> 'validUntil'))
    WHERE event_type = 'OrderQuoted';
CREATE INDEX es_events_order_funder ON es_events ((payload ->> 'funderId'), (payload ->> 'validUntil'))
    WHERE event_type = 'OrderQuoted';
CREATE INDEX es_events_order_expired_funder ON es_events ((payload ->> 'funderId'), global_position)
    WHERE event_type = 'OrderExpired';
