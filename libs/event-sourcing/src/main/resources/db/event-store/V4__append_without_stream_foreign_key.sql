-- An event's stream exists by construction: EventStore.append inserts events only from the row its claim CTE
-- returned (the stream created, or its version moved from the expected one) in the same statement, the kernel is the
-- only writer of both tables, and streams are never deleted. The foreign key checked it once more for every event
-- appended — a look-up of es_streams and a row lock through SPI, 45-100 µs of PostgreSQL's CPU per one-event append
-- (pgbench on the append statement, 2026-11-28: 3 423-3 634 appends/s with it, 3 955-4 120 without), which is
-- 5-10 % of a pass redemption's cost on the database.
ALTER TABLE es_events DROP CONSTRAINT IF EXISTS es_events_stream_id_fkey;
