package fr.hubag.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: {@code v1,} and the base64
 * HMAC-SHA256 of {@code id.timestamp.body} under each of the endpoint's secrets, separated by spaces. While a partner
 * rotates its secret the message carries two signatures, the new secret's and the old one's, so the receiver
 * accepts it whichever secret it holds at that moment.
 */
public final class WebhookSignature {

    private static final String HMAC = "HmacSHA256";

    private WebhookSignature() {}

    /** The header value for a message signed with every given secret (the current one first). */
    public static String header(String messageId, long timestampSeconds, byte[] body, List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook message is signed with at least one secret");
        }
        return secrets.stream().map(secret -> "v1," + sign(messageId, timestampSeconds, body, secret))
                .collect(Collectors.joining(" "));
    }

    private static String sign(String messageId, long timestampSeconds, byte[] body, WebhookSecret secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.key(), HMAC));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HMAC-SHA256", e);
        }
    }
}
