package fr.hubag.actors.domain.place;

import fr.hubag.contracts.standard.Fee;
import fr.hubag.contracts.standard.Programme;
import fr.hubag.contracts.standard.Public;
import fr.hubag.contracts.standard.Service;
import fr.hubag.contracts.standard.SpecificSupport;
import fr.hubag.contracts.standard.SupportMode;
import fr.hubag.contracts.standard.TrainingLabel;
import fr.hubag.domain.Coded;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values of older exports of the standard (before v1: {@code labels_nationaux}, {@code publics_accueillis},
 * {@code conditions_acces}, and the former {@code services} and {@code modalites_accompagnement} values) and what
 * they become in v1.0.2. Kept apart from the reader so the translation table can be read, and argued about, alone.
 */
public final class LegacyVocabulary {

    /** What one legacy value becomes. */
    public sealed interface Reading {}

    /** A v1 value: a {@link Programme}, {@link TrainingLabel}, {@link Public}, {@link SpecificSupport}, {@link Fee}. */
    public record Mapped(Coded value) implements Reading {}

    /** Kept as free text in {@code autres_formations_labels}, with a warning. */
    public record OtherLabel(String label, String warning) implements Reading {}

    /** Nothing to record in v1; {@code warning} is null when that is expected ("Tout public"). */
    public record Dropped(String warning) implements Reading {}

    private static final String APTIC = "APTIC (the Pass numérique) is a label held over a validity period and "
            + "granted by a coordinator, not a declared programme: it is not imported; ask a coordinator to grant it";

    private static final Map<String, Reading> NATIONAL_LABELS = new HashMap<>();
    private static final Map<String, Reading> PUBLICS = new HashMap<>();
    private static final Map<String, Reading> CONDITIONS = new HashMap<>();
    private static final Map<String, Service> SERVICES = new HashMap<>();
    private static final Map<String, SupportMode> SUPPORT_MODES = new HashMap<>();

    static {
        label(Programme.CONSEILLERS_NUMERIQUES, "CNFS", "Conseiller numérique",
                "Conseillers numériques France Services");
        label(Programme.FRANCE_SERVICES, "France Service", "Espace France Services", "Maison France Services");
        label(Programme.POINT_D_ACCES_NUMERIQUE_CAF, "Point Numérique CAF", "Point d'accès numérique CAF",
                "Points numériques CAF");
        label(Programme.GRANDE_ECOLE_DU_NUMERIQUE, "Grandes écoles du numérique");
        label(Programme.LA_CROIX_ROUGE, "Croix Rouge", "Croix-Rouge française");
        label(Programme.CERTIFICATION_PIX, "PIX");
        label(Programme.BIBLIOTHEQUES_NUMERIQUE_DE_REFERENCE, "Bibliothèques numériques de référence", "BNR");
        label(TrainingLabel.FABRIQUES_DE_TERRITOIRE, "Fabrique de Territoire");
        label(TrainingLabel.SUD_LABS, "SUD LABS", "Sud Labs PACA");
        label(TrainingLabel.MES_PAPIERS, "Mes Papiers");
        label(TrainingLabel.ETAPES_NUMERIQUES, "Étapes numériques", "Étapes numériques La Poste");
        label(TrainingLabel.LES_ECLAIREURS_DU_NUMERIQUE, "Les Éclaireurs du numérique", "Éclaireurs du numérique");
        label(TrainingLabel.ARNIA_MEDNUM_BFC, "Arnia", "MedNum BFC", "Arnia/MedNum BFC");
        label(TrainingLabel.COLLECTIF_RESSOURCES_ET_ACTEURS_REEMPLOI, "Collectif ressources et acteurs réemploi");
        label(TrainingLabel.FORME_A_MON_ESPACE_SANTE, "Mon Espace Santé");
        label(TrainingLabel.FORME_A_DUPLEX, "DUPLEX");
        for (String aptic : new String[] {"APTIC", "Pass numérique", "Accepte le Pass numérique"}) {
            NATIONAL_LABELS.put(Text.loose(aptic), new Dropped(APTIC));
            CONDITIONS.put(Text.loose(aptic), new Dropped(APTIC));
        }

        publics(Public.JEUNES, "Jeunes (16-26 ans)");
        publics(Public.SENIORS, "Seniors (+ 65 ans)", "Seniors (+65 ans)");
        publics(Public.FAMILLES_ET_OU_ENFANTS, "Familles/enfants", "Familles et enfants");
        publics(Public.FEMMES, "Uniquement femmes");
        publics(SpecificSupport.HANDICAPS_MENTAUX, "Handicaps psychiques");
        publics(SpecificSupport.ILLETTRISME, "Personnes en situation d'illettrisme");
        publics(SpecificSupport.LANGUES_ETRANGERES_AUTRES, "Public langues étrangères", "Langues étrangères");
        for (Class<? extends Coded> type : java.util.List.of(Public.class, SpecificSupport.class)) {
            for (Coded value : type.getEnumConstants()) {
                PUBLICS.put(Text.loose(value.code()), new Mapped(value));
            }
        }
        PUBLICS.put(Text.loose("Tout public"), new Dropped(null));
        PUBLICS.put(Text.loose("Adultes"), new Dropped(null));
        PUBLICS.put(Text.loose("Personnes en situation de handicap"), new Dropped("'Personnes en situation de "
                + "handicap' is too vague for prise_en_charge_specifique: choose among Handicaps moteurs, Handicaps "
                + "mentaux, Surdité, Déficience visuelle"));

        for (Fee fee : Fee.values()) {
            CONDITIONS.put(Text.loose(fee.code()), new Mapped(fee));
        }
        CONDITIONS.put(Text.loose("Adhésion"), new Mapped(Fee.PAYANT));

        service(Service.MAITRISE_DES_OUTILS_NUMERIQUES_DU_QUOTIDIEN, "Prendre en main un smartphone ou une tablette",
                "Prendre en main un ordinateur", "Utiliser le numérique au quotidien");
        service(Service.COMPREHENSION_DU_MONDE_NUMERIQUE, "Approfondir ma culture numérique",
                "Promouvoir la citoyenneté numérique");
        service(Service.INSERTION_PROFESSIONNELLE_VIA_LE_NUMERIQUE, "Favoriser mon insertion professionnelle",
                "Créer et développer mon entreprise");
        service(Service.ACCES_INTERNET_ET_MATERIEL_INFORMATIQUE, "Accéder à une connexion internet",
                "Accéder à du matériel");
        service(Service.ACQUISITION_DE_MATERIEL_INFORMATIQUE_A_PRIX_SOLIDAIRE, "Équiper en matériel informatique");
        service(Service.LOISIRS_ET_CREATIONS_NUMERIQUES, "Créer avec le numérique");
        service(Service.AIDE_AUX_DEMARCHES_ADMINISTRATIVES, "Accompagner les démarches de santé",
                "Devenir autonome dans les démarches administratives",
                "Réaliser des démarches administratives avec un accompagnement");
        service(Service.PARENTALITE_ET_EDUCATION_AVEC_LE_NUMERIQUE,
                "Soutenir la parentalité et l'éducation avec le numérique");

        SUPPORT_MODES.put(Text.loose("Seul"), SupportMode.EN_AUTONOMIE);
        SUPPORT_MODES.put(Text.loose("Avec de l'aide"), SupportMode.ACCOMPAGNEMENT_INDIVIDUEL);
        SUPPORT_MODES.put(Text.loose("Dans un atelier"), SupportMode.DANS_UN_ATELIER_COLLECTIF);
    }

    private LegacyVocabulary() {}

    /**
     * A {@code labels_nationaux} value: a v1 programme or training label, APTIC (dropped with a warning: it is a
     * granted label), or anything else kept as an other label with a warning.
     */
    public static Reading nationalLabel(String value) {
        Optional<Reading> v1 = Vocabulary.find(Programme.class, value).<Reading>map(f -> new Mapped(f.value()))
                .or(() -> Vocabulary.find(TrainingLabel.class, value).map(f -> new Mapped(f.value())));
        return v1.orElseGet(() -> NATIONAL_LABELS.getOrDefault(Text.loose(value), new OtherLabel(value.strip(),
                "'" + value.strip() + "' is not a national programme or label of the standard v1: kept in "
                        + "autres_formations_labels")));
    }

    /** A {@code publics_accueillis} value: a public, a specific support, or nothing; empty when unknown. */
    public static Optional<Reading> publicAccueilli(String value) {
        return Optional.ofNullable(PUBLICS.get(Text.loose(value)));
    }

    /** A {@code conditions_acces} value: a fee, or nothing (the Pass numérique); empty when unknown. */
    public static Optional<Reading> accessCondition(String value) {
        return Optional.ofNullable(CONDITIONS.get(Text.loose(value)));
    }

    /** A pre-v1 {@code services} value's v1 equivalent. */
    public static Optional<Service> service(String value) {
        return Optional.ofNullable(SERVICES.get(Text.loose(value)));
    }

    /** A pre-v1 {@code modalites_accompagnement} value's v1 equivalent. */
    public static Optional<SupportMode> supportMode(String value) {
        return Optional.ofNullable(SUPPORT_MODES.get(Text.loose(value)));
    }

    private static void label(Coded value, String... aliases) {
        for (String alias : aliases) {
            NATIONAL_LABELS.put(Text.loose(alias), new Mapped(value));
        }
    }

    private static void publics(Coded value, String... aliases) {
        for (String alias : aliases) {
            PUBLICS.put(Text.loose(alias), new Mapped(value));
        }
    }

    private static void service(Service value, String... olds) {
        for (String old : olds) {
            SERVICES.put(Text.loose(old), value);
        }
    }
}
