package fr.hubag.sessions.api;

import fr.hubag.sessions.application.WebhookEndpoints;
import fr.hubag.sessions.infra.WebhookAttempt;
import fr.hubag.sessions.infra.WebhookEndpoint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a partner reads about its webhooks; the secret only in the answer that creates it. */
final class WebhookViews {

    private WebhookViews() {}

    public record RegisterRequest(
            @Schema(required = true, format = "uri", description = "https, a host name, no credentials or fragment")
            String url) {}

    @Schema(name = "WebhookEndpoint")
    public record EndpointView(
            UUID id, String url,
            @Schema(enumeration = {"active", "disabled"}) String status,
            @Schema(description = "why it was disabled: gone (410) or failing (every attempt failed)")
            String disabledReason,
            @Schema(description = "whsec_…: in the answer to a registration or a rotation only, never again")
            String secret,
            @Schema(description = "until when the previous secret still signs, after a rotation")
            Instant previousSecretValidUntil,
            Instant createdAt) {

        static EndpointView of(WebhookEndpoint e, String secret) {
            return new EndpointView(e.id, e.url, e.status, e.disabledReason, secret, e.previousSecretUntil,
                    e.createdAt);
        }

        static EndpointView of(WebhookEndpoints.WithSecret created) {
            return of(created.endpoint(), created.secret().reveal());
        }
    }

    /** What the partner's endpoint receives (documented as the registration's callback). */
    @Schema(name = "WebhookNotification", description = "Standard Webhooks payload: the referral event as published "
            + "on sessions.events (contracts/events/sessions/Referral*.v1.json)")
    public record Notification(
            @Schema(enumeration = {"ReferralSubmitted", "ReferralAccepted", "ReferralRefused", "ReferralAssigned",
                    "ReferralOutcomeRecorded", "ReferralExpired"}) String type,
            @Schema(description = "the event's occurredAt") Instant timestamp,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "the event's payload: referralId, partner, territory and the event's own fields")
            Map<String, Object> data) {}

    @Schema(name = "WebhookAttempt")
    public record AttemptView(Instant at, @Schema(description = "HTTP status, 0 when none came") int status,
                              double latencyMs, String error,
                              @Schema(enumeration = {"delivered", "retry", "gone"}) String outcome) {

        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.at, a.status, a.latencyMs, a.error, a.outcome);
        }
    }

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(
            UUID id, @Schema(description = "the webhook-id header: msg_ and the event id, the same on every attempt")
            String messageId, String type, UUID referralId,
            @Schema(enumeration = {"pending", "delivered", "failed", "cancelled"}) String status,
            Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, List<AttemptView> attempts) {

        static DeliveryView of(WebhookEndpoints.Logged logged) {
            var d = logged.delivery();
            return new DeliveryView(d.id, "msg_" + d.eventId, d.eventType, d.referralId, d.status,
                    "pending".equals(d.status) ? d.nextAttemptAt : null, d.createdAt, d.deliveredAt,
                    logged.attempts().stream().map(AttemptView::of).toList());
        }
    }
}
