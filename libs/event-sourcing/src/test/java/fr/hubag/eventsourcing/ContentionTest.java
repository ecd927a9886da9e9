package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import fr.hubag.testing.Race;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many callers on one stream at once (64 enrolments in a popular workshop, one pass redeemed 50 times): a command
 * without an expected version that loses the race is decided again on the new state, so each caller gets the
 * domain's answer — accepted, or refused by a rule — and never a transport conflict. With If-Match the conflict
 * stays, because that caller asked to be told.
 */
class ContentionTest extends KernelTest {




    static CommandResult<Counter.State> increment(String stream, int by, CommandContext context) {
        return executor.execute(Counter.TYPE, stream, new Counter.Increment("MQ", by), context)
                .await().indefinitely();
    }

    @Test
    void sixtyFourConcurrentCommandsWithoutIfMatchAllGetADomainAnswer() throws Exception {
        String stream = UUID.randomUUID().toString();

        List<Object> answers = Race.of(64, caller -> increment(stream, 1, CommandContext.of("c", "c", "m")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isInstanceOf(CommandResult.Decided.class));
        assertThat(executor.load(Counter.TYPE, stream).await().indefinitely().state().value()).isEqualTo(64);
        assertThat(db.count("SELECT count(*) FROM es_events WHERE stream_id = '" + stream + "'")).isEqualTo(64);
    }

    @Test
    void whenTheRuleRunsOutTheLosersAreRefusedByTheDomainNotByAConflict() throws Exception {
        String stream = UUID.randomUUID().toString();

        // 64 callers each take 2 of a limit of 100: exactly 50 fit, 14 are told "over-limit"
        List<Object> answers = Race.of(64, caller -> increment(stream, 2, CommandContext.of("c", "c", "m")));

        assertThat(answers).filteredOn(a -> a instanceof CommandResult.Decided).hasSize(50);
        assertThat(answers).filteredOn(a -> a instanceof CommandResult.Rejected<?> r
                && r.rejection().code().equals("over-limit")).hasSize(14);
        assertThat(executor.load(Counter.TYPE, stream).await().indefinitely().state().value())
                .isEqualTo(Counter.LIMIT);
    }

    @Test
    void withIfMatchTheLosersGetAConflict() throws Exception {
        String stream = UUID.randomUUID().toString();
        increment(stream, 1, CommandContext.of("c", "c", "m"));
        CommandContext atVersionOne = new CommandContext("c", "c", "m", null, null, OptionalLong.of(1));

        List<Object> answers = Race.of(16, caller -> increment(stream, 1, atVersionOne));

        assertThat(answers).filteredOn(a -> a instanceof CommandResult.Decided).hasSize(1);
        assertThat(answers).filteredOn(a -> a instanceof ConcurrencyConflict).hasSize(15);
    }

    @Test
    void aDerivedKeyMakesAJobRunTwiceDecideOnce() {
        String stream = UUID.randomUUID().toString();
        CommandContext job = CommandContext.derived("job:interest", "interest:2026-10:" + stream, "run-1");

        CommandResult<Counter.State> first = increment(stream, 3, job);
        CommandResult<Counter.State> second = increment(stream, 3,
                CommandContext.derived("job:interest", "interest:2026-10:" + stream, "run-2"));

        assertThat(first).isInstanceOf(CommandResult.Decided.class);
        assertThat(second).isInstanceOf(CommandResult.Replayed.class);
        assertThat(second.answerOrThrow()).isEqualTo(first.answerOrThrow()).contains(stream);
        assertThat(db.count("SELECT count(*) FROM es_events WHERE stream_id = '" + stream + "'")).isEqualTo(1);
    }
}
