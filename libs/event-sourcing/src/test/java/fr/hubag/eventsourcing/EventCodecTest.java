package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.codec.EventCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 3: old versions stay readable — a stored v1 payload is upcast and folds like a v2 one. */
class EventCodecTest {

    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void encodesUnderTheContractNameAndCurrentVersion() {
        var event = new Counter.Incremented("MQ", 3, AT);
        assertThat(Counter.CODEC.typeOf(event)).isEqualTo("Incremented");
        assertThat(Counter.CODEC.schemaVersionOf(event)).isEqualTo(2);
        assertThat(Counter.CODEC.encode(event)).isEqualTo("{\"territory\":\"MQ\",\"by\":3,\"at\":\"2026-11-23T10:00:00Z\"}");
    }

    @Test
    void aVersionOnePayloadIsUpcastToTheCurrentShape() {
        Counter.Event decoded = Counter.CODEC.decode("Incremented", 1,
                "{\"territory\":\"GP\",\"amount\":4,\"at\":\"2026-11-23T10:00:00Z\"}");
        assertThat(decoded).isEqualTo(new Counter.Incremented("GP", 4, AT));
        assertThat(Counter.DECIDER.fold(java.util.List.of(decoded, new Counter.Incremented("GP", 1, AT))).value())
                .isEqualTo(5);
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> Counter.CODEC.decode("Decremented", 1, "{}"))
                .hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> Counter.CODEC.decode("Incremented", 3, "{\"by\":1}"))
                .hasMessageContaining("newer");
        EventCodec<Counter.Event> noUpcaster = EventCodec.builder(Counter.Event.class, Counter.Event::at)
                .event("Incremented", 2, Counter.Incremented.class).build();
        assertThatThrownBy(() -> noUpcaster.decode("Incremented", 1, "{\"amount\":1}"))
                .hasMessageContaining("no upcaster");
    }
}
