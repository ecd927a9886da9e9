package fr.hubag.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our signatures, checked by the Standard Webhooks reference library as a partner's receiver would check them. */
class WebhookSignatureTest {

    @Test
    void theSpecificationsOwnExampleGivesItsSignature() {
        // the reference libraries' test vector
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, List.of(secret)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationEitherSecretVerifiesTheMessageAndAThirdDoesNot() throws Exception {
        WebhookSecret next = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();
        String body = "{\"type\":\"referral.accepted\",\"data\":{\"referralId\":\"r-1\",\"statut\":\"acceptée\"}}";
        long now = Instant.now().getEpochSecond();
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(WebhookSignature.header("msg_1", now,
                        body.getBytes(StandardCharsets.UTF_8), List.of(next, previous))));

        new Webhook(next.reveal()).verify(body, headers);
        new Webhook(previous.reveal()).verify(body, headers);
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate().reveal()).verify(body, headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(next.reveal()).verify(body.replace("acceptée", "refusée"), headers))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSecretIsWhsecAndBase64OfTwentyFourToSixtyFourBytesAndNeverPrinted() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(secret.reveal()).startsWith("whsec_");
        assertThat(WebhookSecret.parse(secret.reveal())).isEqualTo(secret);
        assertThat(secret.toString()).doesNotContain(secret.reveal().substring(6));
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_c2hvcnQ=")).hasMessageContaining("not 5");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_%%%")).hasMessageContaining("base64");
        assertThatThrownBy(() -> WebhookSignature.header("msg_1", 1, new byte[0], List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageIdCannotBreakTheSignedContent() {
        assertThatThrownBy(() -> new WebhookMessage("msg.1", "t", new byte[0])).hasMessageContaining("no dot");
        assertThat(WebhookMessage.forEvent(java.util.UUID.fromString("0b3f1c9e-8f41-4e4a-9a55-3f2d7c1e0a11"), "t",
                new byte[0]).id()).isEqualTo("msg_0b3f1c9e-8f41-4e4a-9a55-3f2d7c1e0a11");
    }
}
