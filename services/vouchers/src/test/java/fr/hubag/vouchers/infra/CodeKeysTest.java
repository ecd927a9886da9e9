package fr.hubag.vouchers.infra;

import fr.hubag.servicekit.secrets.KeyFile;
import fr.hubag.vouchers.domain.PassCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key file (created once, owner-only, the same key for every process) and what the vouchers do with it. */
class CodeKeysTest {

    @TempDir
    Path dir;

    @Test
    void theKeyFileIsCreatedOnceOwnerOnlyThenReadBack() throws Exception {
        Path file = dir.resolve("keys/vouchers.key");
        byte[] key = KeyFile.loadOrCreate(file, 64);
        assertThat(key).hasSize(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyFile.loadOrCreate(file, 64)).isEqualTo(key);
        assertThat(Files.list(file.getParent())).containsExactly(file);
        assertThatThrownBy(() -> KeyFile.loadOrCreate(file, 32)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void processesCreatingTheKeyAtOnceAllGetTheSameKey() throws Exception {
        Path file = dir.resolve("race.key");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                keys.add(threads.submit(() -> KeyFile.loadOrCreate(file, 64)));
            }
            byte[] first = keys.get(0).get();
            for (Future<byte[]> key : keys) {
                assertThat(key.get()).isEqualTo(first);
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aCodeIsHashedWithTheKeyAndSealedForPrinting() {
        CodeKeys keys = new CodeKeys(dir.resolve("a.key"));
        CodeKeys otherKey = new CodeKeys(dir.resolve("b.key"));
        PassCode code = keys.draw();
        assertThat(keys.hash(code)).hasSize(43).matches("[A-Za-z0-9_-]{43}").isEqualTo(keys.hash(code))
                .isNotEqualTo(otherKey.hash(code));
        byte[] sealed = keys.seal(code);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(code.value());
        assertThat(keys.unseal(sealed)).isEqualTo(code);
        assertThatThrownBy(() -> otherKey.unseal(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
