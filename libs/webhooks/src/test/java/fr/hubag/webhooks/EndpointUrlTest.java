package fr.hubag.webhooks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointUrlTest {

    @Test
    void aPartnersHttpsEndpointIsAccepted() {
        assertThat(EndpointUrl.parse("https://api.caf.example/hub/webhooks?src=hubag", false).getHost())
                .isEqualTo("api.caf.example");
    }

    @Test
    void whatWouldLeakOrReachInsideIsRefusedNamingWhy() {
        assertThatThrownBy(() -> EndpointUrl.parse("http://api.caf.example/hook", false)).hasMessageContaining("https");
        assertThatThrownBy(() -> EndpointUrl.parse("https://user:pw@api.caf.example/", false))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> EndpointUrl.parse("https://10.0.0.12/hook", false)).hasMessageContaining("private");
        assertThatThrownBy(() -> EndpointUrl.parse("https://169.254.169.254/latest", false))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> EndpointUrl.parse("https://localhost:8081/api", false))
                .hasMessageContaining("this machine");
        assertThatThrownBy(() -> EndpointUrl.parse("hook", false)).hasMessageContaining("no host");
        assertThatThrownBy(() -> EndpointUrl.parse(" ", false)).hasMessageContaining("required");
        assertThatThrownBy(() -> EndpointUrl.parse("https://a b", false)).hasMessageContaining("not a URL");
    }

    @Test
    void theLocalMachineOverHttpOnlyWhenConfiguredForIt() {
        assertThat(EndpointUrl.parse("http://127.0.0.1:9999/hook", true).getPort()).isEqualTo(9999);
    }
}
