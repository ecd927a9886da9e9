package fr.hubag.servicekit.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * The one way this platform seals a secret it must read again (a beneficiary's data key and values, a pass code kept
 * for printing, a partner's webhook signing secret): the JDK's AES-256-GCM, a fresh 96-bit nonce per box, optional
 * associated data binding the box to where it belongs (a value copied to another row or field does not open). A
 * box is {@code nonce ‖ ciphertext ‖ tag}. Written once here so that every service seals the same way.
 */
public final class AesGcm {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {}

    /** @param aad associated data, or null */
    public static byte[] seal(SecretKey key, byte[] plain, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The plain bytes of a box sealed with the same key and associated data.
     *
     * @throws IllegalStateException another key, another row's box, or a tampered box: never a silent misread
     */
    public static byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("a sealed value is too short to be a box");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a sealed value does not open with its key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * A key for one purpose derived from a master key (HMAC-SHA256 of the purpose, HKDF's expand step for one block):
     * one key file serves several uses without one use's boxes opening under another's key.
     */
    public static SecretKey derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(mac.doFinal(new byte[] {1}), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
