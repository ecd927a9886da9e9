package fr.hubag.actors.domain;

import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.Label;
import fr.hubag.contracts.actors.LabelGrant;
import fr.hubag.actors.domain.ActorCommand.AbsorbActor;
import fr.hubag.actors.domain.ActorCommand.ChangeActorDetails;
import fr.hubag.actors.domain.ActorCommand.CloseActor;
import fr.hubag.actors.domain.ActorCommand.GrantLabel;
import fr.hubag.actors.domain.ActorCommand.MergeInto;
import fr.hubag.actors.domain.ActorCommand.RecordPlace;
import fr.hubag.actors.domain.ActorCommand.RegisterActor;
import fr.hubag.actors.domain.ActorCommand.ReopenActor;
import fr.hubag.actors.domain.ActorCommand.RevokeLabel;
import fr.hubag.contracts.actors.ActorEvent.ActorClosed;
import fr.hubag.contracts.actors.ActorEvent.ActorDetailsChanged;
import fr.hubag.contracts.actors.ActorEvent.ActorRegistered;
import fr.hubag.contracts.actors.ActorEvent.ActorReopened;
import fr.hubag.contracts.actors.ActorEvent.ActorsMerged;
import fr.hubag.contracts.actors.ActorEvent.LabelGranted;
import fr.hubag.contracts.actors.ActorEvent.LabelRevoked;
import fr.hubag.contracts.actors.Place;
import fr.hubag.domain.Territory;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.hubag.actors.domain.Places.FORT_DE_FRANCE;
import static fr.hubag.actors.domain.Places.LE_LAMENTIN;
import static fr.hubag.actors.domain.Places.POINTE_A_PITRE;
import static fr.hubag.actors.domain.Places.SAINT_MARTIN;
import static fr.hubag.actors.domain.Places.place;
import static org.assertj.core.api.Assertions.assertThat;

/** The actor's rules, given past events, when a command, then new events or a refusal. */
class ActorDeciderTest {

    static final UUID ID = UUID.fromString("7f1b7a51-0a4c-4a4e-9d1e-0a6f4f5e2a10");
    static final UUID OTHER = UUID.fromString("1c0d5b8e-3f7a-4b43-8f0e-5a2d6c9e7b11");
    static final Instant NOW = Instant.parse("2026-11-23T13:00:00Z");
    static final Place CYBER_BASE = place("Cyber-base", FORT_DE_FRANCE);
    static final ActorRegistered REGISTERED = new ActorRegistered(ID, Territory.MQ, CYBER_BASE, NOW);

    DeciderSpec<ActorCommand, ActorEvent, ActorState> spec() {
        return DeciderSpec.of(new ActorDecider());
    }

    static LocalDate d(String date) { return LocalDate.parse(date); }

    @Test
    void registersAnActorInTheTerritoryOfItsCommune() {
        ActorState state = spec().when(new RegisterActor(ID, CYBER_BASE, NOW)).then(REGISTERED);
        assertThat(((ActorState.Registered) state).territory()).isEqualTo(Territory.MQ);
    }

    @Test
    void derivesSaintMartinFromItsInseeCode() {
        Place anis = place("ANIS", SAINT_MARTIN);
        spec().when(new RegisterActor(ID, anis, NOW)).then(new ActorRegistered(ID, Territory.MF, anis, NOW));
    }

    @Test
    void refusesToRegisterTwice() {
        spec().given(REGISTERED).when(new RegisterActor(ID, CYBER_BASE, NOW))
                .thenRejected(Kind.CONFLICT, "actor-already-registered");
    }

    @Test
    void changesDetailsWithinTheTerritoryAndIgnoresAnIdenticalPlace() {
        Place moved = place("Cyber-base", LE_LAMENTIN);
        spec().given(REGISTERED).when(new ChangeActorDetails(ID, moved, NOW))
                .then(new ActorDetailsChanged(ID, Territory.MQ, moved, NOW));
        spec().given(REGISTERED).when(new ChangeActorDetails(ID, CYBER_BASE, NOW)).then();
    }

    @Test
    void refusesToMoveAnActorToAnotherTerritory() {
        spec().given(REGISTERED).when(new ChangeActorDetails(ID, place("Cyber-base", POINTE_A_PITRE), NOW))
                .thenRejected(Kind.UNPROCESSABLE, "territory-change");
    }

    @Test
    void recordingAPlaceRegistersThenChangesThenDoesNothing() {
        spec().when(new RecordPlace(ID, CYBER_BASE, NOW)).then(REGISTERED);
        Place renamed = place("Cyber-base Fort-de-France", FORT_DE_FRANCE);
        spec().given(REGISTERED).when(new RecordPlace(ID, renamed, NOW))
                .then(new ActorDetailsChanged(ID, Territory.MQ, renamed, NOW));
        spec().given(REGISTERED).when(new RecordPlace(ID, CYBER_BASE, NOW)).then();
    }

    @Test
    void aDateOfUpdateTheFileDidNotGiveChangesNothingOnALaterImport() {
        Place importedLater = CYBER_BASE.withUpdatedOn(CYBER_BASE.updatedOn().plusDays(30));
        spec().given(REGISTERED).when(new RecordPlace(ID, importedLater, NOW, true)).then();
        spec().given(REGISTERED).when(new RecordPlace(ID, importedLater, NOW, false))
                .then(new ActorDetailsChanged(ID, Territory.MQ, importedLater, NOW));
        Place renamed = place("Cyber-base Fort-de-France", FORT_DE_FRANCE).withUpdatedOn(importedLater.updatedOn());
        spec().given(REGISTERED).when(new RecordPlace(ID, renamed, NOW, true))
                .then(new ActorDetailsChanged(ID, Territory.MQ, renamed, NOW));
    }

    @Test
    void closesAndReopens() {
        ActorClosed closed = new ActorClosed(ID, d("2026-06-30"), "moved out", NOW);
        spec().given(REGISTERED).when(new CloseActor(ID, d("2026-06-30"), "moved out", NOW)).then(closed);
        spec().given(REGISTERED, closed).when(new CloseActor(ID, d("2026-07-01"), "again", NOW))
                .thenRejected(Kind.CONFLICT, "actor-closed");
        spec().given(REGISTERED, closed).when(new ReopenActor(ID, d("2026-09-01"), NOW))
                .then(new ActorReopened(ID, d("2026-09-01"), NOW));
        spec().given(REGISTERED, closed).when(new ReopenActor(ID, d("2026-01-01"), NOW))
                .thenRejected(Kind.UNPROCESSABLE, "invalid-date");
        spec().given(REGISTERED).when(new ReopenActor(ID, d("2026-09-01"), NOW))
                .thenRejected(Kind.CONFLICT, "actor-not-closed");
    }

    @Test
    void aClosedActorGetsNoNewLabel() {
        spec().given(REGISTERED, new ActorClosed(ID, d("2026-06-30"), "closed", NOW))
                .when(new GrantLabel(ID, Label.APTIC, d("2026-07-01"), null, NOW))
                .thenRejected(Kind.CONFLICT, "actor-closed");
    }

    @Test
    void grantsALabelOverAPeriodAndRefusesAnOverlap() {
        LabelGranted granted = new LabelGranted(ID, Label.APTIC, d("2024-01-01"), d("2024-12-31"), NOW);
        spec().given(REGISTERED).when(new GrantLabel(ID, Label.APTIC, d("2024-01-01"), d("2024-12-31"), NOW))
                .then(granted);
        spec().given(REGISTERED, granted).when(new GrantLabel(ID, Label.APTIC, d("2024-06-01"), null, NOW))
                .thenRejected(Kind.CONFLICT, "label-already-granted");
        spec().given(REGISTERED, granted).when(new GrantLabel(ID, Label.APTIC, d("2025-01-01"), null, NOW))
                .then(new LabelGranted(ID, Label.APTIC, d("2025-01-01"), null, NOW));
    }

    @Test
    void aRevocationEndsTheLabelTheDayBefore() {
        LabelGranted granted = new LabelGranted(ID, Label.FRANCE_SERVICES, d("2024-01-01"), null, NOW);
        LabelRevoked revoked = new LabelRevoked(ID, Label.FRANCE_SERVICES, d("2025-06-01"), "audit", NOW);
        ActorState.Registered after = (ActorState.Registered) spec().given(REGISTERED, granted)
                .when(new RevokeLabel(ID, Label.FRANCE_SERVICES, d("2025-06-01"), "audit", NOW)).then(revoked);
        assertThat(after.grantOn(Label.FRANCE_SERVICES, d("2025-05-31"))).isPresent();
        assertThat(after.grantOn(Label.FRANCE_SERVICES, d("2025-06-01"))).isEmpty();
        assertThat(after.grantOn(Label.FRANCE_SERVICES, d("2024-01-01"))).isPresent();
    }

    @Test
    void revokingALabelNotHeldFromThatDateIsRefused() {
        LabelGranted past = new LabelGranted(ID, Label.APTIC, d("2023-01-01"), d("2023-12-31"), NOW);
        spec().given(REGISTERED, past).when(new RevokeLabel(ID, Label.APTIC, d("2024-02-01"), "x", NOW))
                .thenRejected(Kind.CONFLICT, "label-not-held");
    }

    @Test
    void aRevocationBeforeAGrantStartsRemovesThatGrant() {
        LabelGranted future = new LabelGranted(ID, Label.APTIC, d("2027-01-01"), null, NOW);
        ActorState.Registered after = (ActorState.Registered) spec().given(REGISTERED, future)
                .when(new RevokeLabel(ID, Label.APTIC, d("2026-12-01"), "cancelled", NOW))
                .then(new LabelRevoked(ID, Label.APTIC, d("2026-12-01"), "cancelled", NOW));
        assertThat(after.labels()).isEmpty();
    }

    @Test
    void aSurvivorTakesOverTheAbsorbedActorsLabelsAndAidants() {
        ActorRegistered duplicate = new ActorRegistered(OTHER, Territory.MQ, place("Cyberbase", FORT_DE_FRANCE), NOW);
        LabelGranted aptic = new LabelGranted(OTHER, Label.APTIC, d("2024-01-01"), null, NOW);
        ActorState absorbed = new ActorDecider().fold(List.of(duplicate, aptic));
        ActorsMerged merged = new ActorsMerged(ID, ID, OTHER,
                List.of(new LabelGrant(Label.APTIC, d("2024-01-01"), null)), List.of(), NOW);
        ActorState.Registered survivor = (ActorState.Registered) spec().given(REGISTERED)
                .when(new AbsorbActor(ID, absorbed, NOW)).then(merged);
        assertThat(survivor.grantOn(Label.APTIC, d("2025-03-01"))).isPresent();
        assertThat(survivor.absorbedActorIds()).containsExactly(OTHER);
    }

    @Test
    void theAbsorbedActorRedirectsToTheSurvivorAndAcceptsNoMoreCommands() {
        ActorRegistered duplicate = new ActorRegistered(OTHER, Territory.MQ, place("Cyberbase", FORT_DE_FRANCE), NOW);
        ActorState survivor = new ActorDecider().fold(List.of(REGISTERED));
        ActorsMerged merged = new ActorsMerged(OTHER, ID, OTHER, List.of(), List.of(), NOW);
        ActorState after = spec().given(duplicate).when(new MergeInto(OTHER, survivor, NOW)).then(merged);
        assertThat(after).isInstanceOf(ActorState.Merged.class);
        assertThat(((ActorState.Merged) after).survivorActorId()).isEqualTo(ID);
        spec().given(duplicate, merged).when(new GrantLabel(OTHER, Label.APTIC, d("2026-01-01"), null, NOW))
                .thenRejected(Kind.CONFLICT, "actor-merged");
    }

    @Test
    void refusesToMergeAcrossTerritoriesOrTwice() {
        ActorState guadeloupe = new ActorDecider().fold(List.of(
                new ActorRegistered(OTHER, Territory.GP, place("Cyber", POINTE_A_PITRE), NOW)));
        spec().given(REGISTERED).when(new AbsorbActor(ID, guadeloupe, NOW))
                .thenRejected(Kind.UNPROCESSABLE, "territory-mismatch");
        ActorState alreadyMerged = new ActorDecider().fold(List.of(
                new ActorRegistered(OTHER, Territory.MQ, place("Cyber", FORT_DE_FRANCE), NOW),
                new ActorsMerged(OTHER, UUID.randomUUID(), OTHER, List.of(), List.of(), NOW)));
        spec().given(REGISTERED).when(new AbsorbActor(ID, alreadyMerged, NOW))
                .thenRejected(Kind.CONFLICT, "actor-merged");
    }
}
