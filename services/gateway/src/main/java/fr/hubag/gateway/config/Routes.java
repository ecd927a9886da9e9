package fr.hubag.gateway.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Which service answers {@code /api/<service>/…}, and how long the gateway waits for it. */
@ConfigMapping(prefix = "hub")
public interface Routes {

    /** service name → base URL */
    Map<String, String> routes();

    Gateway gateway();

    interface Gateway {
        Duration timeout();

        /** Imports of large files take longer than ordinary commands. */
        Duration importTimeout();

        /**
         * Read-only paths open to anyone, token or not (regular expressions on the path): the directory of places
         * is open data, like the national map it feeds.
         */
        java.util.List<String> publicPaths();
    }

    default Optional<String> baseUrl(String service) {
        return Optional.ofNullable(routes().get(service));
    }
}
