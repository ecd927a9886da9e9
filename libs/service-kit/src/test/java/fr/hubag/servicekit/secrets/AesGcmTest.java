package fr.hubag.servicekit.secrets;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmTest {

    private static final byte[] MASTER = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final SecretKey KEY = new SecretKeySpec(MASTER, "AES");
    private static final byte[] PLAIN = "whsec_c2VjcmV0".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_box_opens_with_its_key_and_associated_data_only() {
        byte[] box = AesGcm.seal(KEY, PLAIN, "endpoint-1/secret".getBytes(StandardCharsets.UTF_8));

        assertThat(AesGcm.open(KEY, box, "endpoint-1/secret".getBytes(StandardCharsets.UTF_8))).isEqualTo(PLAIN);
        assertThatThrownBy(() -> AesGcm.open(KEY, box, "endpoint-2/secret".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
        assertThatThrownBy(() -> AesGcm.open(AesGcm.derive(MASTER, "other"), box,
                "endpoint-1/secret".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_same_plain_text_seals_differently_each_time_and_a_changed_byte_is_refused() {
        byte[] one = AesGcm.seal(KEY, PLAIN, null);
        byte[] two = AesGcm.seal(KEY, PLAIN, null);
        assertThat(one).isNotEqualTo(two);
        assertThat(new String(one, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_");

        one[one.length - 1] ^= 1;
        assertThatThrownBy(() -> AesGcm.open(KEY, one, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AesGcm.open(KEY, new byte[5], null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keys_derived_for_different_purposes_differ_and_are_stable() {
        assertThat(AesGcm.derive(MASTER, "webhook-secrets").getEncoded())
                .isEqualTo(AesGcm.derive(MASTER, "webhook-secrets").getEncoded())
                .isNotEqualTo(AesGcm.derive(MASTER, "other").getEncoded())
                .hasSize(AesGcm.KEY_BYTES);
    }
}
