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
    }

    default Optional<String> baseUrl(String service) {
        return Optional.ofNullable(routes().get(service));
    }
}
