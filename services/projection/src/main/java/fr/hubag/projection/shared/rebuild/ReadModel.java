package fr.hubag.projection.shared.rebuild;

import fr.hubag.eventsourcing.consumer.BatchEffect;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.List;

/**
 * A read model as the rebuild sees it: a projector (how one event changes the tables of a generation) and the
 * tables it owns in each base schema. The actors read models are one; the sessions, vouchers and impact ones will
 * implement it too, and get generations, rebuilds and the admin endpoint for nothing.
 */
public interface ReadModel {

    /** Short name, in schema names and in the admin API: {@code actors}. */
    String name();

    /** The topic it is built from. */
    String topic();

    /** The base schemas holding generation 0's tables and the template of the others: gp, gf, mq, mf, hub. */
    List<String> baseSchemas();

    /** The tables it owns in each base schema (created by the migrations). */
    List<String> tables();

    /**
     * True when the {@code hub} schema's tables of this read model are views uniting the four territories' (V127,
     * {@code read_model_hub_views}): an event is then written once, in its territory's schema, and a new generation's
     * hub schema gets views, not tables. False when the hub has tables of its own, written for every event too.
     */
    default boolean hubUnitesTerritories() {
        return false;
    }

    /** The consumer name generation 0 applies with (the one the read model had before it had generations). */
    String firstConsumer();

    /** Applies one event to the tables of {@code target}, within the batch's transaction. */
    Uni<Void> apply(SqlConnection tx, ConsumedEvent event, Generation target);

    /**
     * Applies a poll's new events (in the order read) to the tables of {@code target}, within the poll's
     * transaction. By default one event after the other within a stream ({@link #apply}); a read model that can
     * apply many events in a few statements overrides it: this is where a rebuild spends its time.
     */
    default Uni<Void> applyAll(SqlConnection tx, List<ConsumedEvent> events, Generation target) {
        return BatchEffect.inStreamOrder((connection, event) -> apply(connection, event, target)).apply(tx, events);
    }

    /**
     * A poll's events made ready to apply before its transaction: what needs no database (decoding the payloads,
     * building the rows) done now, on the caller's thread, so that a rebuild decodes the next poll while PostgreSQL
     * writes the current one ({@link CatchUp}). The effect applies the events it is given (the new ones among
     * {@code events}) exactly as {@link #applyAll} would. By default nothing is done ahead.
     */
    default BatchEffect prepare(List<ConsumedEvent> events, Generation target) {
        return (tx, fresh) -> applyAll(tx, fresh, target);
    }

    default Generation generation(int number) {
        return new Generation(name(), number,
                number == 0 ? firstConsumer() : "projection." + name() + ".g" + number);
    }
}
