package fr.hubag.servicekit.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A key file is created once, owner-only and random, then read back the same; concurrent starters share one key. */
class KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyRandomKeyOnceThenReadsItBack() throws IOException {
        Path file = dir.resolve("keys/master.key");

        byte[] created = KeyFile.loadOrCreate(file, 32);
        byte[] read = KeyFile.loadOrCreate(file, 32);

        assertEquals(32, created.length);
        assertArrayEquals(created, read);
        assertFalse(Arrays.equals(created, KeyFile.loadOrCreate(dir.resolve("other.key"), 32)), "random per file");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aFileOfTheWrongLengthIsAnErrorAndIsNotReplaced() throws IOException {
        Path file = dir.resolve("short.key");
        Files.write(file, new byte[16]);

        assertThrows(IllegalStateException.class, () -> KeyFile.loadOrCreate(file, 32));
        assertEquals(16, Files.size(file));
    }

    @Test
    void processesStartingTogetherAllReadTheOneKeyThatWon() throws Exception {
        Path file = dir.resolve("raced.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> starters = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                starters.add(() -> KeyFile.loadOrCreate(file, 32));
            }
            byte[] stored = null;
            for (Future<byte[]> key : pool.invokeAll(starters)) {
                stored = stored == null ? Files.readAllBytes(file) : stored;
                assertArrayEquals(stored, key.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
