package fr.hubag.webhooks;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A partner's signing secret as the Standard Webhooks specification writes it: {@code whsec_} then the key in
 * base64, 24 to 64 bytes. The hub generates it (32 bytes from {@link SecureRandom}) and shows it to the partner once;
 * {@link #toString()} never prints it, so a log line or an exception cannot leak it.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /** A new secret of 32 random bytes. */
    public static WebhookSecret generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** Reads {@code whsec_<base64>} (the prefix is optional, as in the reference libraries). */
    public static WebhookSecret parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        String encoded = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64", e);
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a webhook secret holds " + MIN_BYTES + " to " + MAX_BYTES
                    + " bytes, not " + key.length);
        }
        return new WebhookSecret(key);
    }

    /** The secret as the partner stores it: {@code whsec_} and base64. */
    public String reveal() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && java.security.MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
