package fr.hubag.projection.shared.batch;

import fr.hubag.eventsourcing.consumer.BatchEffect;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.projection.shared.rebuild.Generation;
import fr.hubag.projection.shared.rebuild.ReadModel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a rebuild's catch-up relies on when it prepares a poll ahead of its transaction: every event is decoded once,
 * before the transaction, into the schemas of its territory and of hub (only its territory's when hub's tables are
 * views uniting the territories'); an event that cannot be decoded does not
 * throw there but fails the poll's effect, as it did when decoding ran inside the transaction (so the poll is applied
 * again event by event and that event parked).
 */
class ScopedStatementsTest {

    private static final Generation NEXT = new Generation("actors", 3, "projection.actors.g3");
    private static final ReadModel HUB_OF_ITS_OWN = new Model(false);
    private static final ReadModel HUB_UNITES_TERRITORIES = new Model(true);

    @Test
    void decodesEachEventOnceAheadIntoItsTerritoryAndHub() {
        List<String> decoded = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        List<ConsumedEvent> poll = List.of(event("MQ", "a"), event("GP", "b"));

        ScopedStatements.prepare(poll, HUB_OF_ITS_OWN, NEXT, event -> {
            decoded.add(event.payload());
            return schema -> {
                schemas.add(schema);
                return List.of();
            };
        });

        assertThat(decoded).containsExactly("a", "b");
        assertThat(schemas).containsExactly("mq_actors_g3", "hub_actors_g3", "gp_actors_g3", "hub_actors_g3");
    }

    @Test
    void writesOnlyTheTerritoryWhenTheHubUnitesTheTerritories() {
        List<String> schemas = new ArrayList<>();
        List<ConsumedEvent> poll = List.of(event("MQ", "a"), event("GF", "b"));

        ScopedStatements.prepare(poll, HUB_UNITES_TERRITORIES, NEXT, event -> schema -> {
            schemas.add(schema);
            return List.of();
        });

        assertThat(schemas).containsExactly("mq_actors_g3", "gf_actors_g3");
    }

    @Test
    void anEventThatCannotBeDecodedFailsTheEffectNotThePreparation() {
        ConsumedEvent poison = event("MQ", "not an event");
        BatchEffect effect = ScopedStatements.prepare(List.of(poison), HUB_OF_ITS_OWN, NEXT, event -> {
            throw new IllegalStateException("cannot decode " + event.payload());
        });

        // failed before any statement: the transaction's connection is not even touched
        assertThatThrownBy(() -> effect.apply(null, List.of(poison)).await().indefinitely())
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot decode not an event");
        assertThat(effect.apply(null, List.of()).await().indefinitely()).as("not new: nothing to apply").isNull();
    }

    /** A read model as ScopedStatements sees it: only whether its hub tables are views. */
    private record Model(boolean hubUnitesTerritories) implements ReadModel {
        @Override public String name() { return "actors"; }
        @Override public String topic() { return "actors.events"; }
        @Override public List<String> baseSchemas() { return List.of("gp", "gf", "mq", "mf", "hub"); }
        @Override public List<String> tables() { return List.of("places"); }
        @Override public String firstConsumer() { return "projection.actors.v2"; }
        @Override public Uni<Void> apply(SqlConnection tx, ConsumedEvent event, Generation target) {
            throw new UnsupportedOperationException("not applied here");
        }
    }

    private static ConsumedEvent event(String territory, String payload) {
        return new ConsumedEvent(UUID.randomUUID(), "hubag.actors.ActorRegistered", 2, UUID.randomUUID().toString(),
                territory, 1, payload, null, "actors.events", 0, 0);
    }
}
