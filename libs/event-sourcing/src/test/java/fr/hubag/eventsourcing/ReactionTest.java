package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reaction to another domain's event (vouchers reacting to a label revoked in the census, impact to a session
 * completed) runs a command keyed by the consumer, the event and the target stream: Kafka delivers at least once,
 * and a redelivered event decides nothing twice; the new event records what caused it.
 */
class ReactionTest extends KernelTest {




    @Test
    void aRedeliveredEventRunsItsReactionOnce() {
        String target = UUID.randomUUID().toString();
        ConsumedEvent revoked = new ConsumedEvent(UUID.randomUUID(), "hubag.actors.LabelRevoked", 1, "actor-1", "MQ",
                4, "{}", "corr-7", "actors.events", 2, 120);

        CommandResult<Counter.State> first = executor.execute(Counter.TYPE, target, new Counter.Increment("MQ", 1),
                CommandContext.reactingTo("vouchers.labels", revoked, target)).await().indefinitely();
        CommandResult<Counter.State> redelivered = executor.execute(Counter.TYPE, target,
                new Counter.Increment("MQ", 1), CommandContext.reactingTo("vouchers.labels", revoked, target))
                .await().indefinitely();

        assertThat(first).isInstanceOf(CommandResult.Decided.class);
        assertThat(redelivered).isInstanceOf(CommandResult.Replayed.class);
        assertThat(db.count("SELECT count(*) FROM es_events WHERE stream_id = '" + target + "'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM es_events WHERE stream_id = '" + target + "' AND "
                + "metadata->>'causationId' = '" + revoked.eventId() + "' AND metadata->>'correlationId' = 'corr-7'"))
                .isEqualTo(1);
    }
}
