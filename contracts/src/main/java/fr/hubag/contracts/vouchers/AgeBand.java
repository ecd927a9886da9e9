package fr.hubag.contracts.vouchers;

import fr.hubag.domain.Coded;

/** A beneficiary's age, coarse on purpose: enough for the funders' statistics, too little to find a person. */
public enum AgeBand implements Coded {
    MOINS_DE_26_ANS("moins_de_26_ans"),
    DE_26_A_59_ANS("26_a_59_ans"),
    SOIXANTE_ANS_ET_PLUS("60_ans_et_plus");

    private final String code;

    AgeBand(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
