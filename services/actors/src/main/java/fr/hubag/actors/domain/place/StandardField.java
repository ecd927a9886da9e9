package fr.hubag.actors.domain.place;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of the national standard v1.0.2, in the schema's order, each with its name in the standard (CSV
 * header, JSON key of the standard's own files) and its path in the hub's REST and event JSON. Problems name both, so
 * a CSV user and an API user each recognise their field. {@link #PIVOT_UNKNOWN} is the hub's one extension: it is
 * not a standard column and comes last, so {@link #standardColumns()} is exactly the standard's header.
 */
public enum StandardField {
    ID("id", "id"),
    PIVOT("pivot", "pivot"),
    NOM("nom", "name"),
    COMMUNE("commune", "commune.name"),
    CODE_POSTAL("code_postal", "commune.postcode"),
    CODE_INSEE("code_insee", "commune.inseeCode"),
    ADRESSE("adresse", "address"),
    COMPLEMENT_ADRESSE("complement_adresse", "addressComplement"),
    LATITUDE("latitude", "latitude"),
    LONGITUDE("longitude", "longitude"),
    TYPOLOGIE("typologie", "typologies"),
    TELEPHONE("telephone", "phone"),
    COURRIELS("courriels", "emails"),
    SITE_WEB("site_web", "websites"),
    HORAIRES("horaires", "openingHours"),
    PRESENTATION_RESUME("presentation_resume", "summary"),
    PRESENTATION_DETAIL("presentation_detail", "description"),
    SOURCE("source", "source"),
    ITINERANCE("itinerance", "itinerance"),
    STRUCTURE_PARENTE("structure_parente", "parentStructure"),
    DATE_MAJ("date_maj", "updatedOn"),
    SERVICES("services", "services"),
    PUBLICS_SPECIFIQUEMENT_ADRESSES("publics_specifiquement_adresses", "publics"),
    PRISE_EN_CHARGE_SPECIFIQUE("prise_en_charge_specifique", "specificSupport"),
    FRAIS_A_CHARGE("frais_a_charge", "fees"),
    DISPOSITIF_PROGRAMMES_NATIONAUX("dispositif_programmes_nationaux", "programmes"),
    FORMATIONS_LABELS("formations_labels", "trainingLabels"),
    AUTRES_FORMATIONS_LABELS("autres_formations_labels", "otherTrainingLabels"),
    MODALITES_ACCES("modalites_acces", "accessModes"),
    MODALITES_ACCOMPAGNEMENT("modalites_accompagnement", "supportModes"),
    FICHE_ACCES_LIBRE("fiche_acces_libre", "accesLibreUrl"),
    PRISE_RDV("prise_rdv", "appointmentUrl"),
    /** Hub extension: the pivot is the all-zeros placeholder on purpose (the place has no SIRET, SIREN or RNA). */
    PIVOT_UNKNOWN("pivot_inconnu", "pivotUnknown");

    private static final List<StandardField> STANDARD =
            Arrays.stream(values()).filter(f -> f != PIVOT_UNKNOWN).toList();

    private final String standardName;
    private final String apiName;

    StandardField(String standardName, String apiName) {
        this.standardName = standardName;
        this.apiName = apiName;
    }

    /** The column name in the standard, e.g. {@code code_postal}. */
    public String standardName() { return standardName; }

    /** The path in the hub's JSON, e.g. {@code commune.postcode}. */
    public String apiName() { return apiName; }

    /** True for the hub's own columns, which the standard does not have. */
    public boolean extension() { return this == PIVOT_UNKNOWN; }

    /** The standard's 32 columns, in the schema's order (no extension). */
    public static List<StandardField> standardColumns() { return STANDARD; }

    public static Optional<StandardField> ofStandardName(String name) {
        return Arrays.stream(values()).filter(f -> f.standardName.equals(name)).findFirst();
    }

    public static Optional<StandardField> ofApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }
}
