package fr.hubag.sessions.application;

import fr.hubag.sessions.config.WebhookSettings;
import fr.hubag.sessions.infra.WebhookAttempt;
import fr.hubag.sessions.infra.WebhookDelivery;
import fr.hubag.sessions.infra.WebhookEndpoint;
import fr.hubag.sessions.infra.WebhookSecretBox;
import fr.hubag.webhooks.WebhookSecret;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A partner's webhook endpoints (Hibernate Reactive with Panache): registered with a new secret shown once, rotated
 * (the previous secret still signs for {@code rotation-overlap}), deleted; and the delivery log. A partner only ever
 * finds its own endpoints: another partner's id is "not found", not "forbidden", so ids reveal nothing.
 */
@ApplicationScoped
public class WebhookEndpoints {

    /** An endpoint with the secret in clear: only in the answer to a registration or a rotation. */
    public record WithSecret(WebhookEndpoint endpoint, WebhookSecret secret) {}

    /** A delivery and its attempts, oldest attempt first. */
    public record Logged(WebhookDelivery delivery, List<WebhookAttempt> attempts) {}

    private final WebhookSettings settings;
    private final WebhookSecretBox box;
    private final Clock clock = Clock.systemUTC();

    public WebhookEndpoints(WebhookSettings settings, WebhookSecretBox box) {
        this.settings = settings;
        this.box = box;
    }

    public Uni<WithSecret> register(String partner, URI url) {
        WebhookSecret secret = WebhookSecret.generate();
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.partner = partner;
        endpoint.url = url.toString();
        endpoint.secret = box.seal(endpoint.id, secret);
        endpoint.status = WebhookEndpoint.ACTIVE;
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        return Panache.withTransaction(endpoint::persist).replaceWith(new WithSecret(endpoint, secret));
    }

    public Uni<List<WebhookEndpoint>> list(String partner) {
        return Panache.withSession(() -> WebhookEndpoint.<WebhookEndpoint>list(
                "partner = ?1 and status <> ?2 order by createdAt", partner, WebhookEndpoint.DELETED));
    }

    public Uni<Optional<WithSecret>> rotate(String partner, UUID id) {
        return Panache.withTransaction(() -> find(partner, id).map(found -> found.map(endpoint -> {
            WebhookSecret secret = WebhookSecret.generate();
            Instant now = clock.instant();
            endpoint.previousSecret = endpoint.secret;
            endpoint.previousSecretUntil = now.plus(settings.rotationOverlap());
            endpoint.secret = box.seal(endpoint.id, secret);
            endpoint.updatedAt = now;
            return new WithSecret(endpoint, secret);
        })));
    }

    /** Deleted: no more deliveries; those pending are cancelled. False when not found. */
    public Uni<Boolean> delete(String partner, UUID id) {
        return Panache.withTransaction(() -> find(partner, id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            WebhookEndpoint endpoint = found.get();
            endpoint.status = WebhookEndpoint.DELETED;
            endpoint.updatedAt = clock.instant();
            return WebhookDelivery.update("status = 'cancelled' where endpointId = ?1 and status = 'pending'",
                    endpoint.id).replaceWith(true);
        }));
    }

    /** The endpoint's latest deliveries, newest first, each with its attempts; empty when not found. */
    public Uni<Optional<List<Logged>>> deliveries(String partner, UUID id, int limit) {
        return Panache.withSession(() -> find(partner, id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<List<Logged>>empty());
            }
            return WebhookDelivery.<WebhookDelivery>find("endpointId = ?1 order by createdAt desc, id", id)
                    .page(0, limit).list()
                    .chain(deliveries -> deliveries.isEmpty() ? Uni.createFrom().item(Optional.of(List.<Logged>of()))
                            : WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1 order by at, id",
                                    deliveries.stream().map(d -> d.id).toList())
                            .map(attempts -> {
                                Map<UUID, List<WebhookAttempt>> byDelivery = attempts.stream()
                                        .collect(Collectors.groupingBy(a -> a.deliveryId));
                                return Optional.of(deliveries.stream().map(d -> new Logged(d,
                                        byDelivery.getOrDefault(d.id, List.of()))).toList());
                            }));
        }));
    }

    private static Uni<Optional<WebhookEndpoint>> find(String partner, UUID id) {
        return WebhookEndpoint.<WebhookEndpoint>findById(id).map(endpoint -> endpoint == null
                || !endpoint.partner.equals(partner) || WebhookEndpoint.DELETED.equals(endpoint.status)
                ? Optional.empty() : Optional.of(endpoint));
    }
}
