package fr.hubag.testing;

import fr.hubag.localinfra.DevTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/** The key pair that signs test tokens, made once per JVM; services under test verify with its public half. */
public final class TestKeys {

    private static final KeyPair KEYS = DevTokens.generateKeyPair();
    private static final Path PUBLIC_KEY_FILE = write();

    private TestKeys() {}

    public static KeyPair keys() { return KEYS; }

    public static Path publicKeyFile() { return PUBLIC_KEY_FILE; }

    private static Path write() {
        try {
            Path file = Files.createTempFile("hub-test-public", ".pem");
            Files.writeString(file, DevTokens.toPem(KEYS.getPublic()));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
