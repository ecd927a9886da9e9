package fr.hubag.vouchers.infra;

import fr.hubag.servicekit.secrets.AesGcm;
import fr.hubag.servicekit.secrets.KeyFile;
import fr.hubag.vouchers.domain.PassCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The vouchers' secret, kept in a file outside the database ({@code hub.vouchers.code-key-file}): its first half keys
 * the HMAC-SHA256 of each code (what events and the look-up table hold: a dump of either gives no code away and no
 * code can be tried offline), its second half seals each code with AES-GCM so that the funder can print its booklets
 * later. Losing the file makes the printed codes unverifiable: back it up apart from the database.
 */
@ApplicationScoped
public class CodeKeys {

    static final int KEY_BYTES = 64;

    private final SecretKeySpec hashKey;
    private final SecretKeySpec sealKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public CodeKeys(@ConfigProperty(name = "hub.vouchers.code-key-file") String keyFile) {
        this(Path.of(keyFile));
    }

    CodeKeys(Path keyFile) {
        this(KeyFile.loadOrCreate(keyFile, KEY_BYTES));
    }

    CodeKeys(byte[] key) {
        this.hashKey = new SecretKeySpec(Arrays.copyOfRange(key, 0, 32), "HmacSHA256");
        this.sealKey = new SecretKeySpec(Arrays.copyOfRange(key, 32, 64), "AES");
    }

    /** A new code drawn from the secure random source. */
    public PassCode draw() {
        return PassCode.draw(random);
    }

    /** The keyed hash of a code, base64url without padding (43 characters). */
    public String hash(PassCode code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(code.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code encrypted for storage ({@link AesGcm}: a random nonce, then the ciphertext and tag). */
    public byte[] seal(PassCode code) {
        return AesGcm.seal(sealKey, code.value().getBytes(StandardCharsets.US_ASCII), null);
    }

    public PassCode unseal(byte[] sealed) {
        return new PassCode(new String(AesGcm.open(sealKey, sealed, null), StandardCharsets.US_ASCII));
    }
}
