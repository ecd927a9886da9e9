package fr.hubag.gateway.infra;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** One pooled, non-blocking HTTP client to the services, shared by the proxy and the OpenAPI merger. */
@ApplicationScoped
public class ServiceClient {

    private final WebClient client;

    public ServiceClient(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setConnectTimeout(2_000)
                .setFollowRedirects(false)
                .setUserAgent("hubag-gateway"));
    }

    public WebClient client() { return client; }

    @PreDestroy
    void close() { client.close(); }
}
