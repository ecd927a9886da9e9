package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.BeneficiaryEvent;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryErased;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryRegistered;
import fr.hubag.contracts.sessions.BeneficiaryEvent.ConsentRecorded;
import fr.hubag.contracts.sessions.BeneficiaryEvent.ConsentWithdrawn;
import fr.hubag.contracts.sessions.ConsentPurpose;
import fr.hubag.contracts.sessions.Gender;
import fr.hubag.contracts.sessions.SocialStatus;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.domain.Territory;
import fr.hubag.sessions.domain.BeneficiaryCommand.Consent;
import fr.hubag.sessions.domain.BeneficiaryCommand.EraseBeneficiary;
import fr.hubag.sessions.domain.BeneficiaryCommand.RecordConsent;
import fr.hubag.sessions.domain.BeneficiaryCommand.RegisterBeneficiary;
import fr.hubag.sessions.domain.BeneficiaryCommand.WithdrawConsent;
import fr.hubag.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given / when / then on a beneficiary's rules: registration with consent, consents per purpose, final erasure. */
class BeneficiaryDeciderTest {

    private static final UUID ID = UUID.fromString("5a1c9e7b-3d2f-4b8a-9c6e-1f0d2b3a4c58");
    private static final UUID ACTOR = UUID.fromString("3f6c2a1e-8b4d-4c7a-9e15-2d0b7a4c9f61");
    private static final Instant AT = Instant.parse("2026-11-27T14:05:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    private static final Consent FOLLOW_UP = new Consent(ConsentPurpose.SUIVI_MEDIATION, TODAY);

    private static final BeneficiaryRegistered REGISTERED = new BeneficiaryRegistered(ID, Territory.GF, ACTOR,
            AgeBand.QUARANTE_CINQUANTE_NEUF, "97302", SocialStatus.SANS_EMPLOI, Gender.FEMININ, AT);
    private static final ConsentRecorded FOLLOW_UP_GIVEN = new ConsentRecorded(ID, ConsentPurpose.SUIVI_MEDIATION,
            TODAY, AT);

    private static DeciderSpec<BeneficiaryCommand, BeneficiaryEvent, BeneficiaryState> spec() {
        return DeciderSpec.of(new BeneficiaryDecider());
    }

    private static RegisterBeneficiary register(String commune, List<Consent> consents) {
        return new RegisterBeneficiary(ID, Territory.GF, ACTOR, AgeBand.QUARANTE_CINQUANTE_NEUF, commune,
                SocialStatus.SANS_EMPLOI, Gender.FEMININ, consents, AT);
    }

    @Test
    void aPersonIsRegisteredWithCoarseAttributesAndTheirDatedConsents() {
        Consent recontact = new Consent(ConsentPurpose.RECONTACT, TODAY);
        BeneficiaryState state = spec().when(register("97302", List.of(FOLLOW_UP, recontact)))
                .then(REGISTERED, FOLLOW_UP_GIVEN, new ConsentRecorded(ID, ConsentPurpose.RECONTACT, TODAY, AT));

        BeneficiaryState.Registered registered = (BeneficiaryState.Registered) state;
        assertThat(registered.consents()).containsKeys(ConsentPurpose.SUIVI_MEDIATION, ConsentPurpose.RECONTACT);
        assertThat(registered.erased()).isFalse();
    }

    @Test
    void registrationNeedsTheConsentToBeFollowedACommuneOfTheTerritoryAndHappensOnce() {
        spec().when(register("97302", List.of(new Consent(ConsentPurpose.RECONTACT, TODAY))))
                .thenRejected(Kind.UNPROCESSABLE, "consent-required");
        spec().when(register("97302", List.of(FOLLOW_UP, FOLLOW_UP)))
                .thenRejected(Kind.UNPROCESSABLE, "consent-repeated");
        spec().when(register("97209", List.of(FOLLOW_UP)))
                .thenRejected(Kind.UNPROCESSABLE, "commune-outside-territory");
        spec().given(REGISTERED, FOLLOW_UP_GIVEN).when(register("97302", List.of(FOLLOW_UP)))
                .thenRejected(Kind.CONFLICT, "beneficiary-exists");
        spec().when(register(null, List.of(FOLLOW_UP))).then(new BeneficiaryRegistered(ID, Territory.GF, ACTOR,
                AgeBand.QUARANTE_CINQUANTE_NEUF, null, SocialStatus.SANS_EMPLOI, Gender.FEMININ, AT), FOLLOW_UP_GIVEN);
    }

    @Test
    void consentsAreRecordedAndWithdrawnPerPurposeAndAskingAgainChangesNothing() {
        Instant later = AT.plusSeconds(3600);
        Consent referral = new Consent(ConsentPurpose.RETOUR_PRESCRIPTEUR, TODAY.plusDays(1));
        spec().given(REGISTERED, FOLLOW_UP_GIVEN).when(new RecordConsent(ID, referral, later))
                .then(new ConsentRecorded(ID, ConsentPurpose.RETOUR_PRESCRIPTEUR, TODAY.plusDays(1), later));
        spec().given(REGISTERED, FOLLOW_UP_GIVEN).when(new RecordConsent(ID, FOLLOW_UP, later)).then();
        spec().given(REGISTERED, FOLLOW_UP_GIVEN).when(new WithdrawConsent(ID, ConsentPurpose.SUIVI_MEDIATION, later))
                .then(new ConsentWithdrawn(ID, ConsentPurpose.SUIVI_MEDIATION, later));
        spec().given(REGISTERED, FOLLOW_UP_GIVEN).when(new WithdrawConsent(ID, ConsentPurpose.RECONTACT, later))
                .then();
        spec().when(new RecordConsent(ID, FOLLOW_UP, later)).thenRejected(Kind.NOT_FOUND, "beneficiary-not-found");
    }

    @Test
    void erasureIsFinalAndSafeToRepeat() {
        Instant later = AT.plusSeconds(86_400);
        BeneficiaryState erased = spec().given(REGISTERED, FOLLOW_UP_GIVEN).when(new EraseBeneficiary(ID, later))
                .then(new BeneficiaryErased(ID, later));
        assertThat(((BeneficiaryState.Registered) erased).erased()).isTrue();

        BeneficiaryErased done = new BeneficiaryErased(ID, later);
        spec().given(REGISTERED, FOLLOW_UP_GIVEN, done).when(new EraseBeneficiary(ID, later.plusSeconds(5))).then();
        spec().given(REGISTERED, FOLLOW_UP_GIVEN, done).when(new RecordConsent(ID, FOLLOW_UP, later))
                .thenRejected(Kind.CONFLICT, "beneficiary-erased");
        spec().given(REGISTERED, FOLLOW_UP_GIVEN, done)
                .when(new WithdrawConsent(ID, ConsentPurpose.SUIVI_MEDIATION, later))
                .thenRejected(Kind.CONFLICT, "beneficiary-erased");
        spec().when(new EraseBeneficiary(ID, later)).thenRejected(Kind.NOT_FOUND, "beneficiary-not-found");
    }

    @Test
    void theAgeBandComesFromTheBirthYearAlone() {
        assertThat(AgeBand.of(null, 2026)).isEqualTo(AgeBand.NON_COMMUNIQUE);
        assertThat(AgeBand.of(2015, 2026)).isEqualTo(AgeBand.MOINS_DE_DOUZE);
        assertThat(AgeBand.of(2014, 2026)).isEqualTo(AgeBand.DOUZE_DIX_HUIT);
        assertThat(AgeBand.of(2008, 2026)).isEqualTo(AgeBand.DIX_HUIT_VINGT_QUATRE);
        assertThat(AgeBand.of(2001, 2026)).isEqualTo(AgeBand.VINGT_CINQ_TRENTE_NEUF);
        assertThat(AgeBand.of(1986, 2026)).isEqualTo(AgeBand.QUARANTE_CINQUANTE_NEUF);
        assertThat(AgeBand.of(1966, 2026)).isEqualTo(AgeBand.SOIXANTE_SOIXANTE_NEUF);
        assertThat(AgeBand.of(1956, 2026)).isEqualTo(AgeBand.SOIXANTE_DIX_PLUS);
    }
}
