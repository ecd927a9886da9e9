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
import java.util.List;
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

    /** Nothing to record in v1, and why ("Tout public": every public; APTIC: a granted label). */
    public record Dropped(String warning) implements Reading {}

    private static final String APTIC = "APTIC (the Pass numérique) is a label held over a validity period and "
            + "granted by a coordinator, not a declared programme: it is not imported; ask a coordinator to grant it";

    private static final String EVERY_PUBLIC = "means every public, which v1 says by leaving "
            + "publics_specifiquement_adresses empty: nothing recorded";

    private static final Map<String, Reading> NATIONAL_LABELS = new HashMap<>();
    private static final Map<String, Reading> PUBLICS = new HashMap<>();
    private static final Map<String, Reading> CONDITIONS = new HashMap<>();
    private static final Map<String, Service> SERVICES = new HashMap<>();
    private static final Map<String, SupportMode> SUPPORT_MODES = new HashMap<>();

    static {
        mapped(NATIONAL_LABELS, Programme.CONSEILLERS_NUMERIQUES, "CNFS", "Conseiller numérique",
                "Conseillers numériques France Services");
        mapped(NATIONAL_LABELS, Programme.FRANCE_SERVICES, "France Service", "Espace France Services",
                "Maison France Services");
        mapped(NATIONAL_LABELS, Programme.POINT_D_ACCES_NUMERIQUE_CAF, "Point Numérique CAF",
                "Point d'accès numérique CAF", "Points numériques CAF");
        mapped(NATIONAL_LABELS, Programme.GRANDE_ECOLE_DU_NUMERIQUE, "Grandes écoles du numérique");
        mapped(NATIONAL_LABELS, Programme.LA_CROIX_ROUGE, "Croix Rouge", "Croix-Rouge française");
        mapped(NATIONAL_LABELS, Programme.CERTIFICATION_PIX, "PIX");
        mapped(NATIONAL_LABELS, Programme.BIBLIOTHEQUES_NUMERIQUE_DE_REFERENCE,
                "Bibliothèques numériques de référence", "BNR");
        mapped(NATIONAL_LABELS, TrainingLabel.FABRIQUES_DE_TERRITOIRE, "Fabrique de Territoire");
        mapped(NATIONAL_LABELS, TrainingLabel.SUD_LABS, "SUD LABS", "Sud Labs PACA");
        mapped(NATIONAL_LABELS, TrainingLabel.MES_PAPIERS, "Mes Papiers");
        mapped(NATIONAL_LABELS, TrainingLabel.ETAPES_NUMERIQUES, "Étapes numériques", "Étapes numériques La Poste");
        mapped(NATIONAL_LABELS, TrainingLabel.LES_ECLAIREURS_DU_NUMERIQUE, "Les Éclaireurs du numérique",
                "Éclaireurs du numérique");
        mapped(NATIONAL_LABELS, TrainingLabel.ARNIA_MEDNUM_BFC, "Arnia", "MedNum BFC", "Arnia/MedNum BFC");
        mapped(NATIONAL_LABELS, TrainingLabel.COLLECTIF_RESSOURCES_ET_ACTEURS_REEMPLOI,
                "Collectif ressources et acteurs réemploi");
        mapped(NATIONAL_LABELS, TrainingLabel.FORME_A_MON_ESPACE_SANTE, "Mon Espace Santé");
        mapped(NATIONAL_LABELS, TrainingLabel.FORME_A_DUPLEX, "DUPLEX");
        for (Map<String, Reading> table : List.of(NATIONAL_LABELS, CONDITIONS)) {
            alias(table, new Dropped(APTIC), "APTIC", "Pass numérique", "Accepte le Pass numérique",
                    "Accepte le Pass numérique : Il est possible d'utiliser un Pass numérique pour accéder au lieu");
        }

        mapped(PUBLICS, Public.JEUNES, "Jeunes (16-26 ans)");
        mapped(PUBLICS, Public.SENIORS, "Seniors (+ 65 ans)", "Seniors (+65 ans)");
        mapped(PUBLICS, Public.FAMILLES_ET_OU_ENFANTS, "Familles/enfants", "Familles et enfants");
        mapped(PUBLICS, Public.FEMMES, "Uniquement femmes");
        mapped(PUBLICS, SpecificSupport.HANDICAPS_MENTAUX, "Handicaps psychiques",
                "Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales",
                "Handicaps mentaux : déficiences limitant les activités d'une personne");
        mapped(PUBLICS, SpecificSupport.ILLETTRISME, "Personnes en situation d'illettrisme");
        mapped(PUBLICS, SpecificSupport.LANGUES_ETRANGERES_AUTRES, "Public langues étrangères",
                "Langues étrangères");
        for (Class<? extends Coded> type : List.of(Public.class, SpecificSupport.class)) {
            for (Coded value : type.getEnumConstants()) {
                mapped(PUBLICS, value, value.code());
            }
        }
        alias(PUBLICS, new Dropped(EVERY_PUBLIC), "Tout public", "Adultes");
        alias(PUBLICS, new Dropped("too vague for prise_en_charge_specifique: choose among Handicaps moteurs, "
                + "Handicaps mentaux, Surdité, Déficience visuelle"), "Personnes en situation de handicap");

        for (Fee fee : Fee.values()) {
            mapped(CONDITIONS, fee, fee.code());
        }
        mapped(CONDITIONS, Fee.GRATUIT, "Gratuit : Je peux accéder gratuitement au lieu et à ses services");
        mapped(CONDITIONS, Fee.GRATUIT_SOUS_CONDITION, "Gratuit sous condition : La gratuité est conditionnée à des "
                + "critères (situation familiale, convention avec un organisme social...)");
        mapped(CONDITIONS, Fee.PAYANT, "Payant : L'accès au lieu et/ou à ses services est payant", "Adhésion",
                "Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer");

        alias(SERVICES, Service.MAITRISE_DES_OUTILS_NUMERIQUES_DU_QUOTIDIEN,
                "Prendre en main un smartphone ou une tablette", "Prendre en main un ordinateur",
                "Utiliser le numérique au quotidien", "Découvrir les usages de base du numérique");
        alias(SERVICES, Service.COMPREHENSION_DU_MONDE_NUMERIQUE, "Approfondir ma culture numérique",
                "Promouvoir la citoyenneté numérique");
        alias(SERVICES, Service.INSERTION_PROFESSIONNELLE_VIA_LE_NUMERIQUE, "Favoriser mon insertion professionnelle",
                "Créer et développer mon entreprise");
        alias(SERVICES, Service.ACCES_INTERNET_ET_MATERIEL_INFORMATIQUE, "Accéder à une connexion internet",
                "Accéder à du matériel");
        alias(SERVICES, Service.ACQUISITION_DE_MATERIEL_INFORMATIQUE_A_PRIX_SOLIDAIRE,
                "S'équiper en matériel informatique", "Équiper en matériel informatique");
        alias(SERVICES, Service.LOISIRS_ET_CREATIONS_NUMERIQUES, "Créer avec le numérique");
        alias(SERVICES, Service.AIDE_AUX_DEMARCHES_ADMINISTRATIVES, "Accompagner les démarches de santé",
                "Devenir autonome dans les démarches administratives",
                "Réaliser des démarches administratives avec un accompagnement",
                "Gagner en autonomie dans les démarches administratives",
                "Etre accompagné dans les démarches administratives");
        alias(SERVICES, Service.PARENTALITE_ET_EDUCATION_AVEC_LE_NUMERIQUE,
                "Soutenir la parentalité et l'éducation avec le numérique");

        alias(SUPPORT_MODES, SupportMode.EN_AUTONOMIE, "Seul", "Seul : j'ai accès à du matériel et une connexion");
        alias(SUPPORT_MODES, SupportMode.ACCOMPAGNEMENT_INDIVIDUEL, "Avec de l'aide",
                "Avec de l'aide : je suis accompagné seul dans l'usage du numérique",
                // v1 has no "in my place" modality: a habilitated person acting for one person is one-to-one
                "A ma place", "A ma place : une personne habilitée fait les démarches à ma place");
        alias(SUPPORT_MODES, SupportMode.DANS_UN_ATELIER_COLLECTIF, "Dans un atelier",
                "Dans un atelier : j'apprends collectivement à utiliser le numérique");
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

    private static void mapped(Map<String, Reading> table, Coded value, String... aliases) {
        alias(table, new Mapped(value), aliases);
    }

    /** Enters each alias (compared loosely) as a way of writing {@code value}. */
    private static <V> void alias(Map<String, V> table, V value, String... aliases) {
        for (String alias : aliases) {
            table.put(Text.loose(alias), value);
        }
    }
}
