package fr.hubag.servicekit.security;

import fr.hubag.domain.Territory;

/** The caller's token does not cover the territory of what it asked for: 403. */
public final class OutsideTerritory extends RuntimeException {

    public OutsideTerritory(Territory territory) {
        super("your token does not grant access to territory " + territory.name() + " (" + territory.label() + ")");
    }
}
