import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partner's webhook receiver for the smoke test (.ci/smoke-test): verifies each notification as the Standard
 * Webhooks reference algorithm does (HMAC-SHA256 of "id.timestamp.body" under the whsec_ secret, any of the
 * space-separated v1 signatures, the timestamp within five minutes), refuses the first FAILS deliveries with 503 and
 * Retry-After: 1, then answers 204. It reads the secret from SECRET_FILE at each request (the partner learns it when
 * it registers this URL). Each request is one line of LOG: "verified <webhook-id> <event type>", "failed-on-purpose
 * <webhook-id>" or "refused <webhook-id> <why>". Run: {@code java WebhookReceiver.java PORT SECRET_FILE LOG FAILS}.
 */
public class WebhookReceiver {

    static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([A-Za-z]+)\"");

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path secretFile = Path.of(args[1]);
        Path log = Path.of(args[2]);
        AtomicInteger failsLeft = new AtomicInteger(Integer.parseInt(args[3]));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String why = verify(secretFile, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body);
            int status;
            String line;
            if (why != null) {
                status = 401;
                line = "refused " + id + " " + why;
            } else if (failsLeft.getAndDecrement() > 0) {
                status = 503;
                exchange.getResponseHeaders().add("Retry-After", "1");
                line = "failed-on-purpose " + id;
            } else {
                status = 204;
                Matcher type = TYPE.matcher(new String(body, StandardCharsets.UTF_8));
                line = "verified " + id + " " + (type.find() ? type.group(1) : "?");
            }
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Why the message does not verify, null when it does. */
    static String verify(Path secretFile, String id, String timestamp, String signatures, byte[] body) {
        if (id == null || timestamp == null || signatures == null) {
            return "missing-headers";
        }
        long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
        if (age > 300) {
            return "timestamp-too-old";
        }
        try {
            String secret = Files.readString(secretFile).trim();
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return null;
                }
            }
            return "bad-signature";
        } catch (Exception e) {
            return "unverifiable:" + e.getClass().getSimpleName();
        }
    }
}
