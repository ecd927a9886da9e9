package fr.hubag.servicekit.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A secret key kept in a file outside the database, so that a copy of the database (a backup, a dump) does not carry
 * the key that protects what it holds (the keyed hashes of voucher codes, encrypted personal data). Created once from
 * {@link SecureRandom}, readable by its owner only, and published atomically: a process that starts beside another
 * never sees half a key, and two that create it at once end up with the same one.
 */
public final class KeyFile {

    private KeyFile() {}

    /**
     * The key in {@code path}, created with {@code bytes} random bytes if the file does not exist. A file of another
     * length is refused rather than replaced: what it protected would be lost.
     */
    public static byte[] loadOrCreate(Path path, int bytes) {
        if (bytes < 16) {
            throw new IllegalArgumentException("a key has at least 16 bytes");
        }
        try {
            if (!Files.exists(path)) {
                create(path.toAbsolutePath(), bytes);
            }
            byte[] key = Files.readAllBytes(path);
            if (key.length != bytes) {
                throw new IllegalStateException("key file " + path + " holds " + key.length + " bytes, not " + bytes);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key file " + path, e);
        }
    }

    private static void create(Path path, int bytes) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        Path draft = Files.createTempFile(dir, path.getFileName().toString(), ".new");
        try {
            ownerOnly(draft);
            Files.write(draft, key);
            try {
                // a hard link fails if the key appeared meanwhile: the first key written stays the key
                Files.createLink(path, draft);
            } catch (FileAlreadyExistsException someoneElse) {
                // created by another process at the same moment: theirs is the key
            } catch (UnsupportedOperationException noLinks) {
                Files.move(draft, path, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }
}
