package fr.hubag.projection.shared.rebuild;

import java.util.HashMap;
import java.util.Map;

/**
 * The serving generation of each table, for the queries: {@code Scope.table("places")} reads here to say
 * {@code mq_actors_g3.places}. Static because a Scope is a value made by static factories everywhere a request is
 * read; the map is immutable and replaced whole, so a query sees the generation before or after a switch, never a
 * mix. {@link Generations} loads it at startup and replaces it at each switch.
 */
public final class ServingSchemas {

    private static volatile Map<String, Generation> byTable = Map.of();

    private ServingSchemas() {}

    /** The schema serving {@code table} of the base schema {@code base} (the base itself if no generation owns it). */
    public static String of(String base, String table) {
        Generation generation = byTable.get(table);
        return generation == null ? base : generation.schema(base);
    }

    static synchronized void serve(ReadModel model, Generation generation) {
        Map<String, Generation> next = new HashMap<>(byTable);
        model.tables().forEach(table -> next.put(table, generation));
        byTable = Map.copyOf(next);
    }
}
