package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * What became of a referral, as told back to the partner: the person attended, became autonomous, was redirected to
 * another kind of structure, did not come, or the referral was closed otherwise.
 */
public enum ReferralOutcome implements Coded {
    ATTENDED("attended"),
    AUTONOMOUS("autonomous"),
    REDIRECTED("redirected"),
    NO_SHOW("no_show"),
    CLOSED("closed");

    private final String code;

    ReferralOutcome(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
