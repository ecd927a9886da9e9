package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * What a beneficiary consented to (GDPR art. 6 and 7: consent is per purpose, dated, and may be withdrawn):
 * being followed by the mediators (their personal data kept, encrypted, by the sessions service), the outcome told to
 * the partner that referred them, being contacted again.
 */
public enum ConsentPurpose implements Coded {
    SUIVI_MEDIATION("suivi_mediation"),
    RETOUR_PRESCRIPTEUR("retour_prescripteur"),
    RECONTACT("recontact");

    private final String code;

    ConsentPurpose(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
