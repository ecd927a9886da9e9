package fr.hubag.servicekit.web;

import fr.hubag.servicekit.problem.InvalidRequest;

import java.util.UUID;

/**
 * An id taken from a request's path: a UUID, or a 400 naming the parameter (never a 500 from
 * {@code UUID.fromString}, never a 404 that would hide a typo in the client).
 */
public final class PathIds {

    private PathIds() {}

    public static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidRequest.of(field, "must be a UUID");
        }
    }
}
