package fr.hubag.sessions.infra;

import fr.hubag.servicekit.secrets.AesGcm;
import fr.hubag.servicekit.secrets.KeyFile;
import fr.hubag.sessions.domain.PersonalData;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Envelope encryption of beneficiaries' personal data with the JDK's AES-256-GCM ({@link AesGcm}): a random data key per person,
 * stored wrapped by the master key (read from {@code hub.sessions.master-key-file}, outside the database, created on
 * first start); each value sealed with the person's key under a fresh 96-bit nonce, with the beneficiary id and the
 * field's name as associated data (a value copied to another person or another field does not open). A sealed box is
 * {@code nonce ‖ ciphertext ‖ tag}. Without the wrapped key a row is noise: that is what erasure deletes.
 */
@ApplicationScoped
@Startup
public class PersonalDataCipher {

    static final int KEY_BYTES = AesGcm.KEY_BYTES;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey master;

    public PersonalDataCipher(@ConfigProperty(name = "hub.sessions.master-key-file") Path masterKeyFile) {
        this.master = new SecretKeySpec(KeyFile.loadOrCreate(masterKeyFile, KEY_BYTES), "AES");
    }

    /** A new person's data key: the plain key to seal with now, and the same wrapped for storage. */
    public record DataKey(SecretKey key, byte[] wrapped) {}

    public DataKey newDataKey(UUID beneficiaryId) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new DataKey(new SecretKeySpec(key, "AES"), AesGcm.seal(master, key, aad(beneficiaryId, "data-key")));
    }

    public SecretKey unwrap(UUID beneficiaryId, byte[] wrapped) {
        return new SecretKeySpec(AesGcm.open(master, wrapped, aad(beneficiaryId, "data-key")), "AES");
    }

    /** Seals every given value of {@code data} into {@code row}; absent values are stored as NULL. */
    public void seal(SecretKey key, UUID id, PersonalData data, EncryptedPersonalData row) {
        row.name = seal(key, id, "name", data.name());
        row.phone = seal(key, id, "phone", data.phone());
        row.email = seal(key, id, "email", data.email());
        row.birthYear = seal(key, id, "birthYear", data.birthYear() == null ? null : data.birthYear().toString());
        row.franceTravailNumber = seal(key, id, "franceTravailNumber", data.franceTravailNumber());
        row.cafNumber = seal(key, id, "cafNumber", data.cafNumber());
        row.notes = seal(key, id, "notes", data.notes());
    }

    public PersonalData open(SecretKey key, UUID id, EncryptedPersonalData row) {
        String birthYear = open(key, id, "birthYear", row.birthYear);
        return new PersonalData(open(key, id, "name", row.name), open(key, id, "phone", row.phone),
                open(key, id, "email", row.email), birthYear == null ? null : Integer.valueOf(birthYear),
                open(key, id, "franceTravailNumber", row.franceTravailNumber), open(key, id, "cafNumber", row.cafNumber),
                open(key, id, "notes", row.notes));
    }

    /** An individual activity report's notes, sealed with its person's key and bound to the report. */
    public byte[] sealNotes(SecretKey key, UUID reportId, String notes) {
        return seal(key, reportId, "notes", notes);
    }

    public String openNotes(SecretKey key, UUID reportId, byte[] sealed) {
        return open(key, reportId, "notes", sealed);
    }

    private byte[] seal(SecretKey key, UUID id, String field, String value) {
        return value == null ? null : AesGcm.seal(key, value.getBytes(StandardCharsets.UTF_8), aad(id, field));
    }

    private String open(SecretKey key, UUID id, String field, byte[] sealed) {
        return sealed == null ? null : new String(AesGcm.open(key, sealed, aad(id, field)), StandardCharsets.UTF_8);
    }

    private static byte[] aad(UUID beneficiaryId, String field) {
        return (beneficiaryId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}
