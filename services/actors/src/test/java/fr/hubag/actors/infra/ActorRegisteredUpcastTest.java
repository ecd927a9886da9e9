package fr.hubag.actors.infra;

import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.domain.Territory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Streams written before the national standard's fields still fold: ActorRegistered v1 is read as v2. */
class ActorRegisteredUpcastTest {

    static final String V1 = """
            {"actorId": "7f1b7a51-0a4c-4a4e-9d1e-0a6f4f5e2a10", "name": "Cyber-base", "kind": "tiers_lieu",
             "territory": "MQ", "commune": {"name": "Fort-de-France", "inseeCode": "97209", "postcode": "97200"},
             "address": "12 rue Schoelcher", "occurredAt": "2025-03-04T23:30:00Z"}""";

    @Test
    void aVersion1RegistrationBecomesAPlaceWithAnUnknownPivot() {
        ActorEvent.ActorRegistered registered = (ActorEvent.ActorRegistered)
                ActorStreams.CODEC.decode("ActorRegistered", 1, V1);
        assertThat(registered.territory()).isEqualTo(Territory.MQ);
        assertThat(registered.place().name()).isEqualTo("Cyber-base");
        assertThat(registered.place().typologies()).containsExactly("TIERS_LIEUX");
        assertThat(registered.place().pivot()).isEqualTo("00000000000000");
        assertThat(registered.place().pivotUnknown()).isTrue();
        assertThat(registered.place().updatedOn()).isEqualTo(LocalDate.parse("2025-03-04"));
        assertThat(registered.place().services()).isEmpty();
        ActorState state = ActorStreams.ACTOR.decider().fold(List.of(registered));
        assertThat(state).isInstanceOf(ActorState.Registered.class);
    }

    @Test
    void theCurrentVersionRoundTrips() {
        ActorEvent.ActorRegistered registered = (ActorEvent.ActorRegistered)
                ActorStreams.CODEC.decode("ActorRegistered", 1, V1);
        String json = ActorStreams.CODEC.encode(registered);
        assertThat(ActorStreams.CODEC.decode("ActorRegistered", 2, json)).isEqualTo(registered);
    }
}
