package fr.hubag.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service answers {@code /api/<service>/…}, how long the gateway waits for it, and what one caller may send
 * (docs/architecture.md, "The gateway's limits"). Every value is in application.properties, so that this mapping,
 * which refuses unknown {@code hub.*} properties, documents them all.
 */
@ConfigMapping(prefix = "hub")
public interface Routes {

    /** service name → base URL */
    Map<String, String> routes();

    Gateway gateway();

    interface Gateway {
        Duration timeout();

        /** The largest body of an ordinary request (a command's JSON); larger is a 413 before it is read. */
        MemorySize maxBodySize();

        /**
         * Read-only paths open to anyone, token or not (regular expressions on the path): the directory of places
         * is open data, like the national map it feeds.
         */
        List<String> publicPaths();

        Uploads uploads();

        Limits limits();
    }

    /** Requests that carry a file (imports): a larger body, a longer wait, and a cap per caller. */
    interface Uploads {
        /** Regular expressions on the path; a POST, PUT or PATCH there is an upload. */
        List<String> paths();

        MemorySize maxBodySize();

        /** Imports of large files take longer than ordinary commands. */
        Duration timeout();
    }

    /** Per caller: the token's subject, or the client's address when there is no valid token. */
    interface Limits {
        /** Requests a second for one token subject; beyond it, 429 with Retry-After. */
        int requestsPerSecond();

        /** Requests a second from one address without a valid token. */
        int anonymousRequestsPerSecond();

        /** Uploads one caller may have in flight at once. */
        int concurrentUploads();
    }

    default Optional<String> baseUrl(String service) {
        return Optional.ofNullable(routes().get(service));
    }
}
