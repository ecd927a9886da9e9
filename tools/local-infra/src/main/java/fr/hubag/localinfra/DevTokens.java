package fr.hubag.localinfra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local identity provider of the embedded platform: generates the RS256 signing key pair and mints tokens for
 * a role and territories ({@code ./hub token --role coordinator --territory MQ}). Plain JDK, no JWT library, so it
 * runs before anything is built. Tests mint their tokens through the same code.
 */
public final class DevTokens {

    public static final String ISSUER = "urn:hubag:local";
    public static final Set<String> ROLES = Set.of("coordinator", "hub-admin", "mediator", "partner", "analyst");
    public static final List<String> TERRITORIES = List.of("GP", "GF", "MQ", "MF");

    private DevTokens() {}

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static PrivateKey readPrivateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** A signed compact JWT: iss, sub, upn, groups=[role], territories, iat, exp, jti. */
    public static String mint(PrivateKey key, String subject, String role, Set<String> territories, Duration ttl) {
        return mint(key, subject, role, territories, Set.of(), ttl);
    }

    /** The same, with the {@code actors} claim: the actors (places) a mediator works at. */
    public static String mint(PrivateKey key, String subject, String role, Set<String> territories,
                              Set<String> actors, Duration ttl) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"hub-local\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":" + quote(subject) + ",\"upn\":" + quote(subject)
                + ",\"groups\":[" + quote(role) + "],\"territories\":["
                + new TreeSet<>(territories).stream().map(DevTokens::quote).collect(Collectors.joining(","))
                + "],\"actors\":["
                + new TreeSet<>(actors).stream().map(DevTokens::quote).collect(Collectors.joining(","))
                + "],\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(ttl).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code keygen --dir DIR} writes private.pem and public.pem if absent;
     * {@code mint --key FILE --role R [--territory T]... [--actor ID]... [--subject S] [--ttl SECONDS]} prints a token.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("missing command");
        }
        switch (args[0]) {
            case "keygen" -> keygen(Path.of(option(args, "--dir", ".hub/keys")));
            case "mint" -> {
                String role = option(args, "--role", null);
                if (role == null || !ROLES.contains(role)) {
                    usage("--role must be one of " + new TreeSet<>(ROLES));
                }
                Set<String> territories = new LinkedHashSet<>(options(args, "--territory"));
                for (String t : territories) {
                    if (!TERRITORIES.contains(t)) {
                        usage("unknown territory " + t + "; the hub's are " + TERRITORIES);
                    }
                }
                if (territories.isEmpty() && role.equals("hub-admin")) {
                    territories.addAll(TERRITORIES);
                }
                if (territories.isEmpty()) {
                    usage("--territory is required for role " + role + " (one of " + TERRITORIES + ")");
                }
                String subject = option(args, "--subject", role + "-" + String.join("-", territories).toLowerCase());
                long ttl = Long.parseLong(option(args, "--ttl", "43200"));
                Set<String> actors = new LinkedHashSet<>(options(args, "--actor"));
                System.out.println(mint(readPrivateKey(Path.of(option(args, "--key", ".hub/keys/private.pem"))),
                        subject, role, territories, actors, Duration.ofSeconds(ttl)));
            }
            default -> usage("unknown command " + args[0]);
        }
    }

    private static void keygen(Path dir) throws Exception {
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        Files.createDirectories(dir);
        KeyPair keys = generateKeyPair();
        Files.writeString(privateKey, toPem(keys.getPrivate()));
        Files.writeString(publicKey, toPem(keys.getPublic()));
        privateKey.toFile().setReadable(false, false);
        privateKey.toFile().setReadable(true, true);
        System.out.println("signing keys written to " + dir);
    }

    private static String option(String[] args, String name, String fallback) {
        List<String> values = options(args, name);
        return values.isEmpty() ? fallback : values.get(values.size() - 1);
    }

    private static List<String> options(String[] args, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                values.add(args[i + 1]);
            }
        }
        return values;
    }

    private static void usage(String problem) {
        System.err.println("hub token: " + problem);
        System.err.println("usage: hub token --role <" + String.join("|", new TreeSet<>(ROLES))
                + "> --territory <GP|GF|MQ|MF> [--territory …] [--subject NAME] [--ttl SECONDS]");
        System.exit(2);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
