package fr.hubag.eventsourcing;

import fr.hubag.domain.Decider;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.command.AggregateType;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event the broker could not carry is never appended: it would stop the relay, and every later event with it.
 * The command is refused (422) and nothing is stored.
 */
class EventSizeTest extends KernelTest {

    record Write(String text) {}

    record Written(String text, Instant at) {}

    static final AggregateType<Write, Written, String> NOTE = new AggregateType<>("note", new Decider<>() {
        @Override public String initialState() { return null; }
        @Override public List<Written> decide(Write command, String state) {
            return List.of(new Written(command.text(), Instant.parse("2026-11-27T10:00:00Z")));
        }
        @Override public String evolve(String state, Written event) { return "MQ"; }
    }, EventCodec.builder(Written.class, Written::at).event("Written", 1, Written.class).build(), state -> "MQ");




    @Test
    void anEventOverTheLimitIsRefusedAndNothingIsStored() {
        String stream = UUID.randomUUID().toString();
        CommandResult<String> result = executor.execute(NOTE, stream,
                new Write("é".repeat(CommandExecutor.MAX_EVENT_BYTES / 2 + 1)), CommandContext.of("c", "c", "u"))
                .await().indefinitely();

        assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class,
                rejected -> assertThat(rejected.rejection().code()).isEqualTo("event-too-large"));
        assertThat(db.count("SELECT count(*) FROM es_events WHERE stream_id = '" + stream + "'")).isZero();
    }

    @Test
    void anEventUnderTheLimitIsAppended() {
        String stream = UUID.randomUUID().toString();
        CommandResult<String> result = executor.execute(NOTE, stream,
                new Write("x".repeat(CommandExecutor.MAX_EVENT_BYTES - 1_000)), CommandContext.of("c", "c", "u"))
                .await().indefinitely();

        assertThat(result).isInstanceOf(CommandResult.Decided.class);
        assertThat(db.count("SELECT count(*) FROM es_events WHERE stream_id = '" + stream + "'")).isEqualTo(1);
    }
}
