package fr.hubag.actors.domain;

import fr.hubag.actors.domain.ActorCommand.GrantLabel;
import fr.hubag.actors.domain.ActorCommand.RegisterActor;
import fr.hubag.actors.domain.ActorEvent.ActorRegistered;
import fr.hubag.actors.domain.ActorEvent.LabelGranted;
import fr.hubag.eventsourcing.Territory;
import fr.hubag.eventsourcing.decider.CommandRejected.Kind;
import fr.hubag.eventsourcing.decider.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ActorDeciderTest {

    static final UUID ID = UUID.fromString("7f1b7a51-0a4c-4a4e-9d1e-0a6f4f5e2a10");
    static final Instant NOW = Instant.parse("2026-11-23T13:00:00Z");
    static final Commune FORT_DE_FRANCE = new Commune("Fort-de-France", "97209", "97200");
    static final ActorRegistered REGISTERED = new ActorRegistered(ID, "Cyber-base", ActorKind.EPN, Territory.MQ,
            FORT_DE_FRANCE, "12 rue Schoelcher", NOW);

    DeciderSpec<ActorCommand, ActorEvent, ActorState> spec() {
        return DeciderSpec.of(new ActorDecider());
    }

    static LocalDate d(String date) { return LocalDate.parse(date); }

    @Test
    void registersAnActorInTheTerritoryOfItsCommune() {
        ActorState state = spec()
                .when(new RegisterActor(ID, "Cyber-base", ActorKind.EPN, FORT_DE_FRANCE, "12 rue Schoelcher", NOW))
                .then(REGISTERED);
        assertThat(((ActorState.Registered) state).territory()).isEqualTo(Territory.MQ);
    }

    @Test
    void derivesSaintMartinFromItsInseeCode() {
        Commune marigot = new Commune("Saint-Martin", "97801", "97150");
        spec().when(new RegisterActor(ID, "ANIS", ActorKind.ASSOCIATION, marigot, "Marigot", NOW))
                .then(new ActorRegistered(ID, "ANIS", ActorKind.ASSOCIATION, Territory.MF, marigot, "Marigot", NOW));
    }

    @Test
    void refusesToRegisterTwice() {
        spec().given(REGISTERED)
                .when(new RegisterActor(ID, "Other", ActorKind.EPN, FORT_DE_FRANCE, "x", NOW))
                .thenRejected(Kind.CONFLICT, "actor-already-registered");
    }

    @Test
    void refusesACommuneOutsideTheHub() {
        spec().when(new RegisterActor(ID, "Réunion", ActorKind.EPN, new Commune("Saint-Denis", "97411", "97400"),
                "x", NOW)).thenRejected(Kind.UNPROCESSABLE, "commune-outside-hub");
        spec().when(new RegisterActor(ID, "Saint-Barth", ActorKind.EPN, new Commune("Saint-Barthélemy", "97701",
                "97133"), "x", NOW)).thenRejected(Kind.UNPROCESSABLE, "commune-outside-hub");
    }

    @Test
    void refusesAPostcodeOfAnotherTerritory() {
        spec().when(new RegisterActor(ID, "x", ActorKind.EPN, new Commune("Fort-de-France", "97209", "97300"), "x",
                NOW)).thenRejected(Kind.UNPROCESSABLE, "postcode-mismatch");
    }

    @Test
    void grantsALabelOverAPeriod() {
        ActorState state = spec().given(REGISTERED)
                .when(new GrantLabel(ID, Label.APTIC, d("2026-01-01"), d("2026-12-31"), NOW))
                .then(new LabelGranted(ID, Label.APTIC, d("2026-01-01"), d("2026-12-31"), NOW));
        var labels = ((ActorState.Registered) state).labels();
        assertThat(labels).singleElement().satisfies(grant -> {
            assertThat(grant.validOn(d("2026-06-15"))).isTrue();
            assertThat(grant.validOn(d("2027-01-01"))).isFalse();
        });
    }

    @Test
    void refusesAnOverlappingGrantOfTheSameLabelButAcceptsAnotherPeriodOrLabel() {
        var granted = new LabelGranted(ID, Label.APTIC, d("2026-01-01"), d("2026-12-31"), NOW);
        spec().given(REGISTERED, granted)
                .when(new GrantLabel(ID, Label.APTIC, d("2026-06-01"), null, NOW))
                .thenRejected(Kind.CONFLICT, "label-already-granted");
        spec().given(REGISTERED, granted)
                .when(new GrantLabel(ID, Label.APTIC, d("2027-01-01"), null, NOW))
                .then(new LabelGranted(ID, Label.APTIC, d("2027-01-01"), null, NOW));
        spec().given(REGISTERED, granted)
                .when(new GrantLabel(ID, Label.FRANCE_SERVICES, d("2026-06-01"), null, NOW))
                .then(new LabelGranted(ID, Label.FRANCE_SERVICES, d("2026-06-01"), null, NOW));
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        spec().given(REGISTERED)
                .when(new GrantLabel(ID, Label.APTIC, d("2026-12-31"), d("2026-01-01"), NOW))
                .thenRejected(Kind.UNPROCESSABLE, "invalid-period");
    }

    @Test
    void cannotLabelAnActorThatDoesNotExist() {
        spec().when(new GrantLabel(ID, Label.APTIC, d("2026-01-01"), null, NOW))
                .thenRejected(Kind.NOT_FOUND, "actor-not-found");
    }
}
