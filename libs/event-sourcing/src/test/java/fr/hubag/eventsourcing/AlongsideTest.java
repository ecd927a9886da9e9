package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.testing.Race;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows a service writes with a command's events ({@link CommandExecutor.Alongside}: the codes of a quote's passes)
 * exist exactly when the events do: written with a change, not for a rejection or a replayed key, rolled back with
 * an append that lost a race (and written again when the command is decided again), and an append whose rows fail
 * is not recorded either.
 */
class AlongsideTest extends KernelTest {

    @BeforeAll
    static void table() {
        db.pool.query("CREATE TABLE alongside_rows (stream text NOT NULL, value integer NOT NULL)").execute()
                .await().atMost(Duration.ofSeconds(10));
    }

    static CommandResult<Counter.State> increment(String stream, int by, CommandContext context,
                                                  CommandExecutor.Alongside<Counter.State> alongside) {
        return executor.execute(Counter.TYPE, List.of(stream), context,
                states -> List.of(new Counter.Increment("MQ", by)), CommandExecutor::summary, alongside)
                .await().atMost(Duration.ofSeconds(30));
    }

    static CommandExecutor.Alongside<Counter.State> row(String stream) {
        return (tx, changed) -> tx.preparedQuery("INSERT INTO alongside_rows (stream, value) VALUES ($1, $2)")
                .execute(Tuple.of(stream, changed.get(0).state().value())).replaceWithVoid();
    }

    static long rows(String stream) {
        return db.count("SELECT count(*) FROM alongside_rows WHERE stream = '" + stream + "'");
    }

    @Test
    void writtenWithAChangeNotForARejectionNorForAReplay() {
        String stream = UUID.randomUUID().toString();
        CommandContext keyed = new CommandContext("c", "c", "m", "key-" + stream, "hash", OptionalLong.empty());

        assertThat(increment(stream, 5, keyed, row(stream))).isInstanceOf(CommandResult.Decided.class);
        assertThat(increment(stream, 5, keyed, row(stream))).isInstanceOf(CommandResult.Replayed.class);
        assertThat(increment(stream, Counter.LIMIT, CommandContext.of("c", "c", "m"), row(stream)))
                .isInstanceOf(CommandResult.Rejected.class);

        assertThat(events(stream)).isEqualTo(1);
        assertThat(rows(stream)).isEqualTo(1);
        assertThat(db.count("SELECT value FROM alongside_rows WHERE stream = '" + stream + "'")).isEqualTo(5);
    }

    @Test
    void aLostRaceRollsItsRowsBackAndTheWinnersEachWriteOnce() throws Exception {
        String stream = UUID.randomUUID().toString();

        List<Object> answers = Race.of(16, caller -> increment(stream, 1, CommandContext.of("c", "c", "m"),
                row(stream)));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isInstanceOf(CommandResult.Decided.class));
        assertThat(events(stream)).isEqualTo(16);
        assertThat(rows(stream)).isEqualTo(16);
        assertThat(db.count("SELECT count(DISTINCT value) FROM alongside_rows WHERE stream = '" + stream + "'"))
                .as("each row written with the state its own append produced").isEqualTo(16);
    }

    @Test
    void whenTheRowsFailTheEventsAreNotRecorded() {
        String stream = UUID.randomUUID().toString();

        assertThatThrownBy(() -> increment(stream, 1, CommandContext.of("c", "c", "m"),
                (tx, changed) -> Uni.createFrom().failure(new IllegalStateException("the side table refused"))))
                .hasMessageContaining("the side table refused");

        assertThat(events(stream)).isZero();
        assertThat(rows(stream)).isZero();
    }
}
