package fr.hubag.gateway;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Large bodies for tests, generated as they are sent (a 16 MiB file never exists in the test's memory, which is
 * the gateway's): a repeated 64 KiB random block, whose CRC-32 the test computes the same way. Sent by the JDK's
 * HTTP/1.1 client with a declared length, or by hand on a socket when the test wants only the head to go.
 */
final class Upload {

    static final int MIB = 1 << 20;
    private static final byte[] BLOCK = new byte[64 * 1024];
    static {
        new Random(42).nextBytes(BLOCK);
    }
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Upload() {}

    static HttpResponse<String> post(String path, String bearer, long length) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body(length)), length));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long crc(long length) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = body(length)) {
            byte[] buffer = new byte[BLOCK.length];
            for (int read; (read = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, read);
            }
        }
        return crc.getValue();
    }

    static InputStream body(long length) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < length ? BLOCK[(int) (position++ % BLOCK.length)] & 0xff : -1;
            }

            @Override
            public int read(byte[] into, int offset, int wanted) {
                if (position >= length) {
                    return -1;
                }
                int at = (int) (position % BLOCK.length);
                int n = (int) Math.min(Math.min(wanted, BLOCK.length - at), length - position);
                System.arraycopy(BLOCK, at, into, offset, n);
                position += n;
                return n;
            }
        };
    }

    /**
     * Sends a request head on a socket, then {@code chunks} chunks of 64 KiB in chunked encoding (none when 0) for as
     * long as the gateway reads them, and returns the status line and whatever answer came back.
     */
    static String raw(String head, int chunks) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            StringBuilder answer = new StringBuilder();
            // read while writing: the gateway may answer, and close, before the body is all sent
            Thread reader = Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[8192];
                try {
                    InputStream in = socket.getInputStream();
                    for (int read; (read = in.read(buffer)) > 0; ) {
                        synchronized (answer) {
                            answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                            if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
                                return;
                            }
                        }
                    }
                } catch (IOException reset) {
                    // keep what came before
                }
            });
            OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                for (int i = 0; i < chunks && reader.isAlive(); i++) {
                    out.write((Integer.toHexString(BLOCK.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(BLOCK);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                if (chunks > 0 && reader.isAlive()) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (IOException closedByTheGateway) {
                // the answer is what matters
            }
            reader.join(10_000);
            synchronized (answer) {
                return answer.toString();
            }
        }
    }
}
