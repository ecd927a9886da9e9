package fr.hubag.projection.shared;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.rebuild.ServingSchemas;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Which read model a request or an event touches: one territory's schema (gp, gf, mq, mf) or the hub-wide one
 * ({@code hub}); a read model's tables are read in the generation that serves ({@link ServingSchemas}). Schema names come from this closed list only, never from input, so they are safe to put in SQL.
 * "Today" is the territory's calendar date; the hub counts in Martinique's zone (UTC-4, as all four territories
 * but Guyane, UTC-3).
 *
 * @param territory empty for the hub
 */
public record Scope(String schema, String name, ZoneId zone, Optional<Territory> territory) {

    public static final Scope HUB = new Scope("hub", "hub", Territory.MQ.zone(), Optional.empty());

    public static Scope of(Territory territory) {
        return new Scope(territory.name().toLowerCase(Locale.ROOT), territory.name(), territory.zone(),
                Optional.of(territory));
    }

    /** The path prefix of this scope's endpoints. */
    public String basePath() {
        return territory.map(t -> "/api/projection/territories/" + t.name()).orElse("/api/projection/hub");
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** {@code schema.table} of the generation serving that table, for SQL ({@code mq_actors_g3.places}). */
    public String table(String table) {
        return ServingSchemas.of(schema, table) + "." + table;
    }
}
