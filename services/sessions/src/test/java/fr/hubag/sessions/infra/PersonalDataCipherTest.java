package fr.hubag.sessions.infra;

import fr.hubag.sessions.domain.PersonalData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Envelope encryption as the vault uses it: values round-trip under the person's key; nothing is stored in clear;
 * each value has its own nonce; a box opens only for its person and field, and a wrapped key only under its master key.
 */
class PersonalDataCipherTest {

    private static final PersonalData PERSON = new PersonalData("Zoé Exemple", "+594 694 00 00 09", "zoe@exemple.fr",
            1990, "4417325X", null, "Zoé Exemple vient avec sa fille");

    @TempDir
    Path dir;

    @Test
    void valuesRoundTripUnderThePersonsKeyAndAreNeverStoredInClear() {
        PersonalDataCipher cipher = new PersonalDataCipher(dir.resolve("master.key"));
        UUID id = UUID.randomUUID();
        PersonalDataCipher.DataKey key = cipher.newDataKey(id);
        EncryptedPersonalData row = new EncryptedPersonalData();
        cipher.seal(key.key(), id, PERSON, row);

        assertThat(cipher.open(cipher.unwrap(id, key.wrapped()), id, row)).isEqualTo(PERSON);
        assertThat(row.cafNumber).isNull();
        for (byte[] box : new byte[][]{row.name, row.phone, row.email, row.notes, key.wrapped()}) {
            assertThat(new String(box, StandardCharsets.ISO_8859_1)).doesNotContain("Exemple", "694", "zoe@");
        }
        assertThat(PERSON.toString()).doesNotContain("Zoé");
    }

    @Test
    void everyValueHasItsOwnNonceAndOpensOnlyForItsPersonAndField() {
        PersonalDataCipher cipher = new PersonalDataCipher(dir.resolve("master.key"));
        UUID id = UUID.randomUUID();
        SecretKey key = cipher.newDataKey(id).key();
        EncryptedPersonalData once = new EncryptedPersonalData();
        EncryptedPersonalData twice = new EncryptedPersonalData();
        cipher.seal(key, id, PERSON, once);
        cipher.seal(key, id, PERSON, twice);
        assertThat(once.name).isNotEqualTo(twice.name);

        assertThatThrownBy(() -> cipher.open(key, UUID.randomUUID(), once)).isInstanceOf(IllegalStateException.class);
        EncryptedPersonalData swapped = new EncryptedPersonalData();
        swapped.name = once.phone;
        assertThatThrownBy(() -> cipher.open(key, id, swapped)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrappedKeyOpensOnlyUnderItsMasterKeyAndForItsPerson() {
        UUID id = UUID.randomUUID();
        byte[] wrapped = new PersonalDataCipher(dir.resolve("master.key")).newDataKey(id).wrapped();

        assertThat(new PersonalDataCipher(dir.resolve("master.key")).unwrap(id, wrapped)).isNotNull();
        assertThatThrownBy(() -> new PersonalDataCipher(dir.resolve("other.key")).unwrap(id, wrapped))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PersonalDataCipher(dir.resolve("master.key")).unwrap(UUID.randomUUID(), wrapped))
                .isInstanceOf(IllegalStateException.class);
    }
}
