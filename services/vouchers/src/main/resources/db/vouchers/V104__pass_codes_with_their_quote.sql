-- Since this version a quote's code rows are written in the transaction that appends the quote's events
-- (CommandExecutor.Alongside): a refused or replayed quote, or one that lost a race, leaves no row. The rows an
-- earlier version left (codes of an order that was never recorded) are removed.
DELETE FROM pass_codes c
 WHERE NOT EXISTS (SELECT 1 FROM es_streams s
                    WHERE s.stream_type = 'voucher-order' AND s.stream_id = c.order_id::text);

COMMENT ON TABLE pass_codes IS
    'How a typed code finds its pass: by its keyed hash (HMAC-SHA256, key outside the database); the code itself only '
    'sealed (AES-GCM), for printing. Written with the quote''s events, in one transaction.';
