package fr.hubag.projection.infra;

import fr.hubag.eventsourcing.Territory;

import java.util.Locale;

/**
 * The PostgreSQL schema that holds a view: one per territory (gp, gf, mq, mf) and {@code hub} for the hub-wide
 * consolidation. Names come from this closed list only, never from input, so they are safe to put in SQL.
 */
public final class DirectorySchema {

    public static final String HUB = "hub";

    private DirectorySchema() {}

    public static String of(Territory territory) {
        return territory.name().toLowerCase(Locale.ROOT);
    }
}
