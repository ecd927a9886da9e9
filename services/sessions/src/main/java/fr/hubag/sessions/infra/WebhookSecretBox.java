package fr.hubag.sessions.infra;

import fr.hubag.servicekit.secrets.AesGcm;
import fr.hubag.servicekit.secrets.KeyFile;
import fr.hubag.webhooks.WebhookSecret;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/**
 * Partners' webhook signing secrets as the database keeps them: sealed (AES-GCM, {@link AesGcm}) under a key derived
 * from the service's master key file, bound to their endpoint. Whoever reads a dump of the database could otherwise
 * sign messages a partner would trust as the hub's. Stored as {@code sealed:v1:<base64>}; a secret stored in clear
 * by an earlier version ({@code whsec_…}) is still read, and sealed at its next rotation.
 */
@ApplicationScoped
public class WebhookSecretBox {

    static final String SEALED = "sealed:v1:";
    private static final String PURPOSE = "hubag-sessions/webhook-secrets";

    private final SecretKey key;

    public WebhookSecretBox(@ConfigProperty(name = "hub.sessions.master-key-file") Path masterKeyFile) {
        this.key = AesGcm.derive(KeyFile.loadOrCreate(masterKeyFile, AesGcm.KEY_BYTES), PURPOSE);
    }

    public String seal(UUID endpointId, WebhookSecret secret) {
        byte[] box = AesGcm.seal(key, secret.reveal().getBytes(StandardCharsets.UTF_8), aad(endpointId));
        return SEALED + Base64.getEncoder().encodeToString(box);
    }

    public WebhookSecret open(UUID endpointId, String stored) {
        if (!stored.startsWith(SEALED)) {
            return WebhookSecret.parse(stored); // kept in clear before secrets were sealed
        }
        byte[] box = Base64.getDecoder().decode(stored.substring(SEALED.length()));
        return WebhookSecret.parse(new String(AesGcm.open(key, box, aad(endpointId)), StandardCharsets.UTF_8));
    }

    private static byte[] aad(UUID endpointId) {
        return (PURPOSE + "/" + endpointId).getBytes(StandardCharsets.UTF_8);
    }
}
