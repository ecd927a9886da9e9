package fr.hubag.localinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevTokensTest {

    private static final KeyPair KEYS = DevTokens.generateKeyPair();

    private static String part(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    @Test
    void mintsASignedTokenWithThePlatformClaims() {
        String token = DevTokens.mint(KEYS.getPrivate(), "alice", "coordinator", Set.of("MQ", "GP"),
                Duration.ofMinutes(5));

        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"hub-local\"}", part(token, 0));
        String claims = part(token, 1);
        assertTrue(claims.startsWith("{\"iss\":\"urn:hubag:local\",\"sub\":\"alice\",\"upn\":\"alice\","
                + "\"groups\":[\"coordinator\"],\"territories\":[\"GP\",\"MQ\"],\"iat\":"), claims);
        assertTrue(claims.matches(".*\"jti\":\"[0-9a-f-]{36}\"}"), claims);
        long iat = Long.parseLong(claims.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertEquals(300, exp - iat);
        assertFalse(token.contains("="), "base64url without padding");
        assertTrue(DevTokens.verifySignature(KEYS.getPublic(), token));
        assertFalse(DevTokens.verifySignature(DevTokens.generateKeyPair().getPublic(), token));
    }

    @Test
    void keysRoundTripThroughPemFilesAndAreNotOverwritten(@TempDir Path dir) throws Exception {
        assertTrue(DevTokens.writeKeyPairIfAbsent(dir));
        String privatePem = Files.readString(dir.resolve("private.pem"));
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(dir.resolve("public.pem")).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertFalse(DevTokens.writeKeyPairIfAbsent(dir));
        assertEquals(privatePem, Files.readString(dir.resolve("private.pem")));

        String token = DevTokens.mint(DevTokens.readPrivateKey(dir.resolve("private.pem")), "bob", "analyst",
                Set.of("GF"), Duration.ofMinutes(1));
        assertTrue(DevTokens.verifySignature(DevTokens.readPublicKey(dir.resolve("public.pem")), token));
    }

    @Test
    void commandLineDefaultsAndValidation() throws Exception {
        var admin = DevTokens.MintRequest.parse(List.of("--role", "hub-admin"));
        assertEquals(Set.of("GP", "GF", "MQ", "MF"), admin.territories());
        assertEquals(DevTokens.DEFAULT_TTL, admin.ttl());

        var coordinator = DevTokens.MintRequest.parse(
                List.of("--role", "coordinator", "--territory", "MQ", "--territory", "GP", "--ttl", "60"));
        assertEquals(Set.of("MQ", "GP"), coordinator.territories());
        assertEquals("coordinator-mq-gp", coordinator.subject());
        assertEquals(Duration.ofSeconds(60), coordinator.ttl());

        assertThrows(DevTokens.UsageException.class, () -> DevTokens.MintRequest.parse(List.of("--role", "root")));
        assertThrows(DevTokens.UsageException.class,
                () -> DevTokens.MintRequest.parse(List.of("--role", "mediator", "--territory", "FR")));
        assertThrows(DevTokens.UsageException.class, () -> DevTokens.MintRequest.parse(List.of("--role", "partner")));
        assertThrows(DevTokens.UsageException.class, () -> DevTokens.MintRequest.parse(List.of("--territory", "MQ")));
    }

    @Test
    void escapesJson() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", DevTokens.json("a\"b\\c\n\u0001"));
    }
}
