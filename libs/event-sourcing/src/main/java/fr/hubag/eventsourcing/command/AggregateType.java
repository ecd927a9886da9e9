package fr.hubag.eventsourcing.command;

import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.domain.Decider;

import java.util.function.Function;

/**
 * Everything the kernel needs to run commands against one kind of aggregate: its stream type name, its pure
 * decider, how its events are stored, and how to read the territory a state belongs to.
 */
public record AggregateType<C, E, S>(
        String streamType,
        Decider<C, E, S> decider,
        EventCodec<E> codec,
        Function<S, String> territoryOf) {}
