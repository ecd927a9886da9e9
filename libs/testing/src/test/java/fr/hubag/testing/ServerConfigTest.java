package fr.hubag.testing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code -Dhub.test.postgres}, as the benchmarks pass the runtime's memory and checkpoints (docs/benchmarks.md). */
class ServerConfigTest {

    @Test
    void readsNameValuePairsInOrderAndNothingByDefault() {
        assertThat(HubInfrastructure.serverConfig("")).isEmpty();
        assertThat(HubInfrastructure.serverConfig("shared_buffers=2048MB, max_wal_size=4GB,checkpoint_timeout=15min"))
                .containsExactly(Map.entry("shared_buffers", "2048MB"), Map.entry("max_wal_size", "4GB"),
                        Map.entry("checkpoint_timeout", "15min"));
    }

    @Test
    void refusesASettingWithoutItsValue() {
        assertThatThrownBy(() -> HubInfrastructure.serverConfig("shared_buffers"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shared_buffers");
        assertThatThrownBy(() -> HubInfrastructure.serverConfig("=2GB"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
