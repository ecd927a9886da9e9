package fr.hubag.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.servicekit.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The answers the gateway gives itself, as RFC 9457 problems, and what becomes of a body it will not forward. Such a
 * body is never buffered: it is read and dropped, up to the endpoint's limit, so that an honest client still
 * reads the answer (an expired token on a 5 MB import sees its 401, not a reset connection) while a client that
 * sends more than its limit has its connection closed once the answer is written.
 */
@ApplicationScoped
public class EdgeAnswers {

    private final ObjectMapper json;

    public EdgeAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Answers {@code problem} and drops the rest of the body, up to {@code drainLimit} bytes more.
     * @param retryAfter seconds, or null
     */
    public void refuse(RoutingContext ctx, Problem problem, String retryAfter, long drainLimit) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        boolean unread = hasBody(request) && !request.isEnded();
        Drain drain = null;
        if (unread) {
            if (drainLimit <= 0) {
                response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
            drain = new Drain(request.connection(), drainLimit);
            request.handler(drain::dropped);
            request.endHandler(drain::ended);
            request.exceptionHandler(failure -> { });
            request.resume();
        }
        Drain draining = drain;
        response.end(Buffer.buffer(encode(problem))).onComplete(written -> {
            if (draining != null) {
                draining.answered();
            }
        });
    }

    /** A body follows the head: a length above zero, or a chunked one. */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.equals("0");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private byte[] encode(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
    }

    /** Reads and drops a refused body; closes the connection past the limit. Runs on the connection's loop. */
    private static final class Drain {
        private final HttpConnection connection;
        private final long limit;
        private long dropped;
        private boolean answered;
        private boolean overLimit;

        Drain(HttpConnection connection, long limit) {
            this.connection = connection;
            this.limit = limit;
        }

        void dropped(Buffer chunk) {
            dropped += chunk.length();
            if (dropped > limit && !overLimit) {
                overLimit = true;
                if (answered) {
                    connection.close();
                }
            }
        }

        void ended(Void end) {
            // the whole body was read: the connection serves the caller's next request
        }

        void answered() {
            answered = true;
            if (overLimit || limit <= 0) {
                connection.close();
            }
        }
    }
}
