package fr.hubag.actors.domain;

import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.AidantRole;
import fr.hubag.contracts.actors.Commune;
import fr.hubag.contracts.actors.Training;
import fr.hubag.actors.domain.ActorCommand.EnrolAidant;
import fr.hubag.actors.domain.ActorCommand.RecordAidantDeparture;
import fr.hubag.actors.domain.ActorCommand.RecordAidantTraining;
import fr.hubag.contracts.actors.ActorEvent.ActorRegistered;
import fr.hubag.contracts.actors.ActorEvent.AidantDeparted;
import fr.hubag.contracts.actors.ActorEvent.AidantEnrolled;
import fr.hubag.contracts.actors.ActorEvent.AidantTrainingCompleted;
import fr.hubag.domain.Territory;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Aidants: enrolled once, trained while there, departed once. */
class AidantRulesTest {

    static final UUID ACTOR = UUID.fromString("7f1b7a51-0a4c-4a4e-9d1e-0a6f4f5e2a10");
    static final UUID AIDANT = UUID.fromString("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d");
    static final Instant NOW = Instant.parse("2026-11-23T13:00:00Z");
    static final ActorRegistered REGISTERED = new ActorRegistered(ACTOR, Territory.GF,
            Places.place("Guyaclic", new Commune("Cayenne", "97302", "97300")), NOW);
    static final AidantEnrolled ENROLLED = new AidantEnrolled(ACTOR, AIDANT, "Marie-Josée L.",
            AidantRole.CONSEILLER_NUMERIQUE, LocalDate.parse("2025-01-06"), NOW);
    static final Training PIX = new Training("Certification PIX", "Pix", new BigDecimal("14"),
            LocalDate.parse("2025-03-10"));

    DeciderSpec<ActorCommand, ActorEvent, ActorState> spec() {
        return DeciderSpec.of(new ActorDecider());
    }

    @Test
    void enrolsTrainsAndRecordsADeparture() {
        spec().given(REGISTERED).when(new EnrolAidant(ACTOR, AIDANT, "Marie-Josée L.", AidantRole.CONSEILLER_NUMERIQUE,
                LocalDate.parse("2025-01-06"), NOW)).then(ENROLLED);
        AidantTrainingCompleted trained = new AidantTrainingCompleted(ACTOR, AIDANT, "Certification PIX", "Pix",
                new BigDecimal("14"), LocalDate.parse("2025-03-10"), NOW);
        ActorState.Registered after = (ActorState.Registered) spec().given(REGISTERED, ENROLLED)
                .when(new RecordAidantTraining(ACTOR, AIDANT, PIX, NOW)).then(trained);
        assertThat(after.aidant(AIDANT).orElseThrow().trainings()).containsExactly(PIX);
        spec().given(REGISTERED, ENROLLED, trained)
                .when(new RecordAidantDeparture(ACTOR, AIDANT, LocalDate.parse("2026-06-30"), NOW))
                .then(new AidantDeparted(ACTOR, AIDANT, LocalDate.parse("2026-06-30"), NOW));
    }

    @Test
    void refusesToEnrolTwiceOrToActOnAnUnknownAidant() {
        spec().given(REGISTERED, ENROLLED).when(new EnrolAidant(ACTOR, AIDANT, "X", AidantRole.BENEVOLE,
                LocalDate.parse("2025-02-01"), NOW)).thenRejected(Kind.CONFLICT, "aidant-already-enrolled");
        spec().given(REGISTERED).when(new RecordAidantTraining(ACTOR, AIDANT, PIX, NOW))
                .thenRejected(Kind.NOT_FOUND, "aidant-not-found");
    }

    @Test
    void refusesADepartureBeforeTheEnrolmentOrTwice() {
        spec().given(REGISTERED, ENROLLED)
                .when(new RecordAidantDeparture(ACTOR, AIDANT, LocalDate.parse("2024-12-31"), NOW))
                .thenRejected(Kind.UNPROCESSABLE, "invalid-date");
        AidantDeparted departed = new AidantDeparted(ACTOR, AIDANT, LocalDate.parse("2025-02-01"), NOW);
        spec().given(REGISTERED, ENROLLED, departed)
                .when(new RecordAidantDeparture(ACTOR, AIDANT, LocalDate.parse("2025-03-01"), NOW))
                .thenRejected(Kind.CONFLICT, "aidant-departed");
        spec().given(REGISTERED, ENROLLED, departed)
                .when(new RecordAidantTraining(ACTOR, AIDANT, PIX, NOW))
                .thenRejected(Kind.UNPROCESSABLE, "aidant-departed");
    }
}
