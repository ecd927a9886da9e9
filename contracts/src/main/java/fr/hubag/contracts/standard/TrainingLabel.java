package fr.hubag.contracts.standard;

import fr.hubag.domain.Coded;

/**
 * Trainings and labels a place declares: the standard's {@code formations_labels} (v1.0.2). The codes are the
 * schema's pattern values, so "Étapes numériques(La Poste)" has no space before the parenthesis (the schema's
 * prose has one; both are read).
 */
public enum TrainingLabel implements Coded {
    FORME_A_MON_ESPACE_SANTE("Formé à « Mon Espace Santé »"),
    FORME_A_DUPLEX("Formé à « DUPLEX » (illettrisme)"),
    ARNIA_MEDNUM_BFC("Arnia/MedNum BFC (Bourgogne-Franche-Comté)"),
    COLLECTIF_RESSOURCES_ET_ACTEURS_REEMPLOI("Collectif ressources et acteurs réemploi (Normandie)"),
    ETAPES_NUMERIQUES("Étapes numériques(La Poste)"),
    FABRIQUES_DE_TERRITOIRE("Fabriques de Territoire"),
    LES_ECLAIREURS_DU_NUMERIQUE("Les Éclaireurs du numérique (Drôme)"),
    MES_PAPIERS("Mes Papiers (Métropole de Lyon)"),
    ORDI_3_0("ORDI 3.0"),
    SUD_LABS("SUD LABS (PACA)");

    private final String code;

    TrainingLabel(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
