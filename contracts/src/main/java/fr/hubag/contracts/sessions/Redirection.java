package fr.hubag.contracts.sessions;

import java.util.UUID;

/**
 * Where an individual accompaniment sent the person next: the kind of structure (national mediators' tool) and, when
 * it is a place of the census, that actor.
 */
public record Redirection(RedirectionStructure structureType, UUID actorId) {}
