package fr.hubag.projection.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of a listing stopped: the sort key and id of its last row, handed to the client as an opaque token
 * (base64url) in the {@code next} link. The next page starts strictly after it, so its cost does not grow with how
 * far the client has paged, and a row added or removed meanwhile neither repeats nor skips another.
 */
public record Cursor(String sortKey, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public String token() {
        return ENCODER.encodeToString((id + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a token stands for; empty for anything this class did not write. */
    public static Optional<Cursor> of(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.length() < 36) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(text.substring(36), UUID.fromString(text.substring(0, 36))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
