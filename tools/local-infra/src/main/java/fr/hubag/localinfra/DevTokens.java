package fr.hubag.localinfra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local identity provider of the platform: generates the RS256 signing key pair
 * ({@code keygen --dir .hub/keys}) and mints tokens for a role and territories
 * ({@code ./hub token --role coordinator --territory MQ}); services verify them with {@code public.pem}.
 *
 * <p>Why plain JDK ({@code SHA256withRSA}, Base64 URL without padding) and no JWT library: it runs before anything
 * else is built and with nothing but this jar on the class path, and the test kit (libs/testing) mints its tokens
 * through the same public static API ({@link #generateKeyPair()}, {@link #toPem}, {@link #mint}).
 *
 * <p>Claims: iss {@value #ISSUER}, sub, upn (= sub), groups = [role], territories, iat, exp, jti. The command line
 * only accepts the platform's roles and territories (exit status 2 otherwise); {@link #mint} accepts anything, so
 * that tests can also build tokens the services must reject.
 */
public final class DevTokens {

    public static final String ISSUER = "urn:hubag:local";
    public static final String KEY_ID = "hub-local";
    /** The platform's roles (groups claim). */
    public static final List<String> ROLES = List.of("coordinator", "hub-admin", "mediator", "partner", "analyst");
    /** Guadeloupe, Guyane, Martinique, Saint-Martin. */
    public static final List<String> TERRITORIES = List.of("GP", "GF", "MQ", "MF");
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);

    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";

    private DevTokens() {}

    // ---- key material ----------------------------------------------------------------------------------------

    /** A fresh RSA 2048 key pair. */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** X.509 SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"), what MicroProfile JWT reads. */
    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** PKCS#8 PEM ("BEGIN PRIVATE KEY"). */
    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static PrivateKey readPrivateKey(Path pem) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(pem + " is not a PKCS#8 RSA private key", e);
        }
    }

    public static PublicKey readPublicKey(Path pem) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(pem + " is not an X.509 RSA public key", e);
        }
    }

    /**
     * Writes {@code private.pem} (owner-only where the file system allows it) and {@code public.pem} in
     * {@code dir} unless both exist. Returns true if it wrote a new pair.
     */
    public static boolean writeKeyPairIfAbsent(Path dir) throws IOException {
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return false;
        }
        Files.createDirectories(dir);
        KeyPair keys = generateKeyPair();
        Path tmp = dir.resolve("private.pem.tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
        }
        Files.writeString(tmp, toPem(keys.getPrivate()));
        Files.writeString(publicKey, toPem(keys.getPublic()));
        Files.move(tmp, privateKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    // ---- tokens ----------------------------------------------------------------------------------------------

    /** A signed compact JWT (RS256) with the platform's claims; {@code territories} keep the hub's order. */
    public static String mint(PrivateKey key, String subject, String role, Set<String> territories, Duration ttl) {
        Instant now = Instant.now();
        List<String> ordered = new ArrayList<>(TERRITORIES);
        ordered.retainAll(territories);
        territories.stream().filter(t -> !TERRITORIES.contains(t)).sorted().forEach(ordered::add);
        String claims = "{\"iss\":" + json(ISSUER)
                + ",\"sub\":" + json(subject)
                + ",\"upn\":" + json(subject)
                + ",\"groups\":[" + json(role) + "]"
                + ",\"territories\":[" + ordered.stream().map(DevTokens::json).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(ttl).getEpochSecond()
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(HEADER.getBytes(StandardCharsets.UTF_8)) + "."
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

    /** Whether the token's RS256 signature verifies with {@code key} (signature only: no claim checks). */
    public static boolean verifySignature(PublicKey key, String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    // ---- command line ----------------------------------------------------------------------------------------

    /** A command-line mistake: printed with the usage, exit status 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** What {@code mint} was asked for, validated. */
    record MintRequest(Path key, String role, Set<String> territories, String subject, Duration ttl) {

        static MintRequest parse(List<String> args) throws UsageException {
            Path key = Path.of(".hub/keys/private.pem");
            String role = null;
            Set<String> territories = new LinkedHashSet<>();
            String subject = null;
            Duration ttl = DEFAULT_TTL;
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new UsageException("missing value after " + name);
                }
                String value = args.get(++i);
                switch (name) {
                    case "--key" -> key = Path.of(value);
                    case "--role" -> role = value;
                    case "--territory" -> {
                        for (String t : value.split(",")) {
                            territories.add(t.trim().toUpperCase());
                        }
                    }
                    case "--subject" -> subject = value;
                    case "--ttl" -> {
                        try {
                            ttl = Duration.ofSeconds(Long.parseLong(value));
                        } catch (NumberFormatException e) {
                            throw new UsageException("--ttl takes a number of seconds, not " + value);
                        }
                        if (ttl.isNegative() || ttl.isZero()) {
                            throw new UsageException("--ttl must be positive");
                        }
                    }
                    default -> throw new UsageException("unknown option " + name);
                }
            }
            if (role == null) {
                throw new UsageException("--role is required (one of " + String.join(", ", ROLES) + ")");
            }
            if (!ROLES.contains(role)) {
                throw new UsageException("unknown role '" + role + "'; roles are " + String.join(", ", ROLES));
            }
            for (String t : territories) {
                if (!TERRITORIES.contains(t)) {
                    throw new UsageException("unknown territory '" + t + "'; territories are "
                            + String.join(", ", TERRITORIES));
                }
            }
            if (territories.isEmpty()) {
                if (!role.equals("hub-admin")) {
                    throw new UsageException("--territory is required for role " + role + " (one of "
                            + String.join(", ", TERRITORIES) + "; repeat it for several)");
                }
                territories.addAll(TERRITORIES);
            }
            if (subject == null) {
                subject = role + "-" + String.join("-", territories).toLowerCase();
            }
            return new MintRequest(key, role, territories, subject, ttl);
        }
    }

    /**
     * {@code keygen --dir DIR}: writes DIR/private.pem and DIR/public.pem if absent.
     * {@code mint --key FILE --role R [--territory T]... [--subject S] [--ttl SECONDS]}: prints a token.
     */
    public static void main(String[] args) throws Exception {
        try {
            run(List.of(args));
        } catch (UsageException e) {
            System.err.println("hub token: " + e.getMessage());
            System.err.println("usage: hub token --role <" + String.join("|", ROLES)
                    + "> --territory <" + String.join("|", TERRITORIES) + "> [--territory …]"
                    + " [--subject NAME] [--ttl SECONDS]");
            System.err.println("       DevTokens keygen --dir DIR");
            System.exit(2);
        }
    }

    private static void run(List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("missing command (keygen or mint)");
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "keygen" -> {
                if (rest.size() != 2 || !rest.get(0).equals("--dir")) {
                    throw new UsageException("keygen takes --dir DIR");
                }
                Path dir = Path.of(rest.get(1));
                if (writeKeyPairIfAbsent(dir)) {
                    System.out.println("signing keys written to " + dir.toAbsolutePath());
                }
            }
            case "mint" -> {
                MintRequest request = MintRequest.parse(rest);
                if (!Files.isReadable(request.key())) {
                    System.err.println("hub token: no signing key at " + request.key()
                            + " (DevTokens keygen --dir DIR writes one)");
                    System.exit(1);
                }
                System.out.println(mint(readPrivateKey(request.key()), request.subject(), request.role(),
                        request.territories(), request.ttl()));
            }
            default -> throw new UsageException("unknown command " + args.get(0) + " (keygen or mint)");
        }
    }

    // ---- encoding --------------------------------------------------------------------------------------------

    private static byte[] der(Path pem, String type) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN " + type + "-----");
        int end = text.indexOf("-----END " + type + "-----");
        if (begin < 0 || end < begin) {
            throw new IOException(pem + " has no " + type + " block");
        }
        String base64 = text.substring(begin + type.length() + 16, end).replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A JSON string literal. */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
