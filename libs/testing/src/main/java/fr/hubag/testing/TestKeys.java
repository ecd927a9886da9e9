package fr.hubag.testing;

import fr.hubag.localinfra.DevTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;

/**
 * The key pair that signs test tokens, made once per JVM; services under test verify with its public half. Quarkus
 * loads test classes in more than one class loader (a test profile's are not the test's), so the pair is kept in
 * files named by a system property — JVM-wide — rather than in a static field each loader would fill anew.
 */
public final class TestKeys {

    // not under "hub.": the gateway validates every hub.* property against its own configuration
    private static final String DIR_PROPERTY = "hubag.test.keys.dir";
    private static final Path DIR = directory();
    private static final PrivateKey PRIVATE_KEY = readPrivateKey();

    private TestKeys() {}

    /** The private half signs; {@link #publicKeyFile()} is what a service verifies with. */
    public static PrivateKey privateKey() { return PRIVATE_KEY; }

    public static Path publicKeyFile() { return DIR.resolve("public.pem"); }

    private static Path directory() {
        synchronized (System.getProperties()) { // one lock for every class loader of this JVM
            String known = System.getProperty(DIR_PROPERTY);
            if (known != null) {
                return Path.of(known);
            }
            try {
                Path dir = Files.createTempDirectory("hub-test-keys");
                KeyPair keys = DevTokens.generateKeyPair();
                Files.writeString(dir.resolve("private.pem"), DevTokens.toPem(keys.getPrivate()));
                Files.writeString(dir.resolve("public.pem"), DevTokens.toPem(keys.getPublic()));
                dir.resolve("private.pem").toFile().deleteOnExit();
                dir.resolve("public.pem").toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                System.setProperty(DIR_PROPERTY, dir.toString());
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static PrivateKey readPrivateKey() {
        try {
            return DevTokens.readPrivateKey(DIR.resolve("private.pem"));
        } catch (Exception e) {
            throw new IllegalStateException("test signing key unreadable in " + DIR, e);
        }
    }
}
