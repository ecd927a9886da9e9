package fr.hubag.servicekit.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Key material kept outside the database, in a file only its owner may read: a service's master key (the
 * beneficiaries' data keys are wrapped by it, so a dump of the database alone decrypts nothing). The runtime creates
 * it on first start; a key that changed would make every wrapped key unreadable, so an existing file is only read,
 * and one of the wrong length is an error, never replaced.
 */
public final class KeyFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFile() {}

    /**
     * The {@code bytes} random bytes kept in {@code path}: read if the file exists, else drawn from
     * {@link SecureRandom} and written to a temporary owner-only file in the same directory then linked into place
     * atomically — two processes starting together both end up reading the one key that won.
     */
    public static byte[] loadOrCreate(Path path, int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a key has at least one byte");
        }
        try {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                create(path, bytes);
            }
            byte[] key = Files.readAllBytes(path);
            if (key.length != bytes) {
                throw new IllegalStateException("key file " + path + " holds " + key.length + " bytes, not " + bytes);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("key file " + path, e);
        }
    }

    private static void create(Path path, int bytes) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        Path temporary = ownerOnlyTemporary(dir, path.getFileName().toString());
        try {
            Files.write(temporary, key);
            try {
                // a hard link appears whole and never replaces: a key another process linked first is kept
                // (a rename would silently replace it, after that process had started using it)
                Files.createLink(path, temporary);
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temporary, path); // fails if the file appeared meanwhile; not atomic
            }
        } catch (FileAlreadyExistsException lostTheRace) {
            // the other process's key stands
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path ownerOnlyTemporary(Path dir, String name) throws IOException {
        try {
            return Files.createTempFile(dir, "." + name, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Path file = Files.createTempFile(dir, "." + name, ".tmp");
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
            return file;
        }
    }
}
