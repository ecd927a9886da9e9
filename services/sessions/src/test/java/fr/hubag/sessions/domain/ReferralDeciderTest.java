package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.RedirectionStructure;
import fr.hubag.contracts.sessions.ReferralEvent;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAccepted;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAssigned;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralExpired;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralOutcomeRecorded;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralRefused;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralSubmitted;
import fr.hubag.contracts.sessions.ReferralOutcome;
import fr.hubag.contracts.sessions.ReferralReason;
import fr.hubag.contracts.sessions.RefusalReason;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.domain.Territory;
import fr.hubag.sessions.domain.ReferralCommand.AcceptReferral;
import fr.hubag.sessions.domain.ReferralCommand.AssignReferral;
import fr.hubag.sessions.domain.ReferralCommand.Beneficiary;
import fr.hubag.sessions.domain.ReferralCommand.ExpireReferral;
import fr.hubag.sessions.domain.ReferralCommand.RecordOutcome;
import fr.hubag.sessions.domain.ReferralCommand.RefuseReferral;
import fr.hubag.sessions.domain.ReferralCommand.SubmitReferral;
import fr.hubag.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given / when / then on a referral's life: submission checks, staff answers, assignment, outcome, expiry. */
class ReferralDeciderTest {

    private static final UUID ID = UUID.fromString("7b0e4c1a-9d2f-4e3b-8a61-5c4d3e2f1a09");
    private static final UUID PERSON = UUID.fromString("5a1c9e7b-3d2f-4b8a-9c6e-1f0d2b3a4c58");
    private static final UUID ACTOR = UUID.fromString("3f6c2a1e-8b4d-4c7a-9e15-2d0b7a4c9f61");
    private static final UUID SESSION = UUID.fromString("0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f");
    private static final String PARTNER = "france-travail-gf";
    private static final Instant AT = Instant.parse("2026-11-27T14:05:00Z");
    private static final List<Theme> THEMES = List.of(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES, Theme.EMAIL);
    private static final Beneficiary CONSENTING = new Beneficiary(true, false, Territory.GF, true);

    private static final ReferralSubmitted SUBMITTED = new ReferralSubmitted(ID, PARTNER, Territory.GF, PERSON,
            ReferralReason.DEMARCHE_EN_LIGNE, THEMES, AT);
    private static final ReferralAccepted ACCEPTED = new ReferralAccepted(ID, PARTNER, Territory.GF, AT);
    private static final ReferralAssigned ASSIGNED = new ReferralAssigned(ID, PARTNER, Territory.GF, ACTOR, SESSION,
            AT);

    private static DeciderSpec<ReferralCommand, ReferralEvent, ReferralState> spec() {
        return DeciderSpec.of(new ReferralDecider());
    }

    private static SubmitReferral submit(Beneficiary person, List<Theme> themes) {
        return new SubmitReferral(ID, PARTNER, Territory.GF, PERSON, person, ReferralReason.DEMARCHE_EN_LIGNE, themes,
                AT);
    }

    @Test
    void aPartnerRefersAConsentingBeneficiaryOfTheTerritory() {
        ReferralState state = spec().when(submit(CONSENTING, THEMES)).then(SUBMITTED);
        assertThat(((ReferralState.Referral) state).status()).isEqualTo(ReferralState.Status.SUBMITTED);
    }

    @Test
    void aReferralNeedsARegisteredConsentingPersonOfTheTerritoryAndThemes() {
        spec().when(submit(Beneficiary.UNKNOWN, THEMES)).thenRejected(Kind.UNPROCESSABLE, "beneficiary-unknown");
        spec().when(submit(new Beneficiary(true, true, Territory.GF, true), THEMES))
                .thenRejected(Kind.CONFLICT, "beneficiary-erased");
        spec().when(submit(new Beneficiary(true, false, Territory.MQ, true), THEMES))
                .thenRejected(Kind.UNPROCESSABLE, "beneficiary-outside-territory");
        spec().when(submit(new Beneficiary(true, false, Territory.GF, false), THEMES))
                .thenRejected(Kind.UNPROCESSABLE, "consent-missing");
        spec().when(submit(CONSENTING, List.of())).thenRejected(Kind.UNPROCESSABLE, "themes-invalid");
        spec().when(submit(CONSENTING, List.of(Theme.EMAIL, Theme.EMAIL)))
                .thenRejected(Kind.UNPROCESSABLE, "themes-invalid");
        spec().given(SUBMITTED).when(submit(CONSENTING, THEMES)).thenRejected(Kind.CONFLICT, "referral-exists");
    }

    @Test
    void staffAcceptOrRefuseOnceAndAskingAgainRecordsNothing() {
        spec().given(SUBMITTED).when(new AcceptReferral(ID, AT)).then(ACCEPTED);
        spec().given(SUBMITTED, ACCEPTED).when(new AcceptReferral(ID, AT)).then();
        ReferralRefused refused = new ReferralRefused(ID, PARTNER, Territory.GF, RefusalReason.DOUBLON, AT);
        spec().given(SUBMITTED).when(new RefuseReferral(ID, RefusalReason.DOUBLON, AT)).then(refused);
        spec().given(SUBMITTED, refused).when(new RefuseReferral(ID, RefusalReason.DOUBLON, AT)).then();
        spec().given(SUBMITTED, refused).when(new RefuseReferral(ID, RefusalReason.AUTRE, AT))
                .thenRejected(Kind.CONFLICT, "referral-refused");
        spec().given(SUBMITTED, refused).when(new AcceptReferral(ID, AT))
                .thenRejected(Kind.CONFLICT, "referral-refused");
        spec().given(SUBMITTED, ACCEPTED).when(new RefuseReferral(ID, RefusalReason.AUTRE, AT))
                .thenRejected(Kind.CONFLICT, "referral-accepted");
        spec().when(new AcceptReferral(ID, AT)).thenRejected(Kind.NOT_FOUND, "referral-not-found");
    }

    @Test
    void anAcceptedReferralIsAssignedAndReassigned() {
        spec().given(SUBMITTED).when(new AssignReferral(ID, ACTOR, null, AT))
                .thenRejected(Kind.CONFLICT, "referral-not-accepted");
        spec().given(SUBMITTED, ACCEPTED).when(new AssignReferral(ID, ACTOR, SESSION, AT)).then(ASSIGNED);
        spec().given(SUBMITTED, ACCEPTED, ASSIGNED).when(new AssignReferral(ID, ACTOR, SESSION, AT)).then();
        ReferralState state = spec().given(SUBMITTED, ACCEPTED, ASSIGNED)
                .when(new AssignReferral(ID, ACTOR, null, AT))
                .then(new ReferralAssigned(ID, PARTNER, Territory.GF, ACTOR, null, AT));
        assertThat(((ReferralState.Referral) state).sessionId()).isNull();
    }

    @Test
    void theOutcomeClosesTheReferralAndARedirectionNamesItsStructure() {
        ReferralOutcomeRecorded redirected = new ReferralOutcomeRecorded(ID, PARTNER, Territory.GF,
                ReferralOutcome.REDIRECTED, RedirectionStructure.AIDE_SOCIALE, AT);
        spec().given(SUBMITTED, ACCEPTED, ASSIGNED)
                .when(new RecordOutcome(ID, ReferralOutcome.REDIRECTED, RedirectionStructure.AIDE_SOCIALE, AT))
                .then(redirected);
        spec().given(SUBMITTED, ACCEPTED)
                .when(new RecordOutcome(ID, ReferralOutcome.ATTENDED, null, AT))
                .then(new ReferralOutcomeRecorded(ID, PARTNER, Territory.GF, ReferralOutcome.ATTENDED, null, AT));
        spec().given(SUBMITTED, ACCEPTED, redirected)
                .when(new RecordOutcome(ID, ReferralOutcome.REDIRECTED, RedirectionStructure.AIDE_SOCIALE, AT)).then();
        spec().given(SUBMITTED, ACCEPTED, redirected).when(new RecordOutcome(ID, ReferralOutcome.NO_SHOW, null, AT))
                .thenRejected(Kind.CONFLICT, "referral-closed");
        spec().given(SUBMITTED, ACCEPTED, redirected).when(new AssignReferral(ID, ACTOR, null, AT))
                .thenRejected(Kind.CONFLICT, "referral-closed");
        spec().given(SUBMITTED).when(new RecordOutcome(ID, ReferralOutcome.NO_SHOW, null, AT))
                .thenRejected(Kind.CONFLICT, "referral-not-accepted");
        spec().given(SUBMITTED, ACCEPTED).when(new RecordOutcome(ID, ReferralOutcome.REDIRECTED, null, AT))
                .thenRejected(Kind.UNPROCESSABLE, "redirection-structure-required");
        spec().given(SUBMITTED, ACCEPTED)
                .when(new RecordOutcome(ID, ReferralOutcome.AUTONOMOUS, RedirectionStructure.AUTRE, AT))
                .thenRejected(Kind.UNPROCESSABLE, "redirection-structure-unexpected");
    }

    @Test
    void anUnansweredReferralExpiresAfterTheDelayAndTheJobMayAskTwice() {
        Instant due = AT.plus(Duration.ofDays(30));
        ReferralExpired expired = new ReferralExpired(ID, PARTNER, Territory.GF, 30, due);
        spec().given(SUBMITTED).when(new ExpireReferral(ID, 30, due.minusSeconds(1))).then();
        spec().given(SUBMITTED).when(new ExpireReferral(ID, 30, due)).then(expired);
        spec().given(SUBMITTED, expired).when(new ExpireReferral(ID, 30, due)).then();
        spec().given(SUBMITTED, ACCEPTED).when(new ExpireReferral(ID, 30, due)).then();
        spec().given(SUBMITTED, expired).when(new AcceptReferral(ID, due)).thenRejected(Kind.CONFLICT,
                "referral-expired");
    }
}
