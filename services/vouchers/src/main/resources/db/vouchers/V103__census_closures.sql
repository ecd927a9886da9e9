-- A closed actor redeems no pass: the census's closures (ActorClosed from closed_on, ActorReopened clears it) kept
-- with the actor's other facts. Existing rows stay open until the consumer sees their next closure.
ALTER TABLE census_actors ADD COLUMN closed_on date;
