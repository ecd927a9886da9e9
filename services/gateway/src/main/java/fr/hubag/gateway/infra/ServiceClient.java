package fr.hubag.gateway.infra;

import fr.hubag.gateway.config.Routes;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's connections to the services: pooled HTTP/1.1 keep-alive clients that stream (the proxy), one pool
 * for ordinary requests and a smaller one for uploads, so that long imports never hold every connection an ordinary
 * command needs; one that makes a connection per request, to send again a request whose kept-alive connection
 * closed under it; and a web client for the OpenAPI merger, which reads small documents whole. Base URLs are parsed
 * once, not per request.
 */
@ApplicationScoped
public class ServiceClient {

    /** Connections per pool: about the clients the platform serves at once (the benchmark runs 64). */
    static final int COMMAND_CONNECTIONS = 64;
    static final int UPLOAD_CONNECTIONS = 16;
    /** Requests sent again at once: each on a connection of its own, closed after its answer. */
    static final int REPLAY_CONNECTIONS = 16;

    /** Where one service listens. */
    public record Backend(String host, int port, boolean ssl) {}

    private final WebClient documents;
    private final HttpClient commands;
    private final HttpClient uploads;
    private final HttpClient replays;
    private final Map<String, Backend> backends = new HashMap<>();

    public ServiceClient(Vertx vertx, Routes routes) {
        this.documents = WebClient.create(vertx, new WebClientOptions()
                .setMaxPoolSize(4)
                .setKeepAlive(true)
                .setConnectTimeout(2_000)
                .setFollowRedirects(false)
                .setUserAgent("hubag-gateway"));
        this.commands = vertx.getDelegate().createHttpClient(proxyOptions(),
                new PoolOptions().setHttp1MaxSize(COMMAND_CONNECTIONS));
        this.uploads = vertx.getDelegate().createHttpClient(proxyOptions(),
                new PoolOptions().setHttp1MaxSize(UPLOAD_CONNECTIONS));
        this.replays = vertx.getDelegate().createHttpClient(proxyOptions().setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(REPLAY_CONNECTIONS));
        routes.routes().forEach((service, base) -> {
            URI uri = URI.create(base);
            boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
            backends.put(service, new Backend(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80, ssl));
        });
    }

    private static HttpClientOptions proxyOptions() {
        return new HttpClientOptions()
                .setKeepAlive(true)
                .setPipelining(false)
                .setConnectTimeout(2_000)
                .setDecompressionSupported(false);
    }

    public Optional<Backend> backend(String service) {
        return Optional.ofNullable(backends.get(service));
    }

    /** The client for ordinary requests, or for uploads. */
    public HttpClient proxy(boolean upload) {
        return upload ? uploads : commands;
    }

    /**
     * The client a request is sent again with when its pooled connection closed before any answer: each connection
     * serves one request and closes, so the second try never lands on another pooled connection the service is
     * closing at the same moment.
     */
    public HttpClient replay() { return replays; }

    public WebClient client() { return documents; }

    @PreDestroy
    void close() {
        documents.close();
        commands.close();
        uploads.close();
        replays.close();
    }
}
