package fr.hubag.projection.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The closed vocabularies the read models filter on, as data: the national standard's values (v1.0.2, the same as
 * contracts/standard/standard-mediation-num/schema.json and the events' schemas) and the hub's labels. Queries are
 * checked against them so a misspelt value is a 400 listing the right ones, not an empty page.
 */
public final class Vocabulary {

    public static final List<String> SERVICES = List.of(
            "Aide aux démarches administratives",
            "Maîtrise des outils numériques du quotidien",
            "Insertion professionnelle via le numérique",
            "Utilisation sécurisée du numérique",
            "Parentalité et éducation avec le numérique",
            "Loisirs et créations numériques",
            "Compréhension du monde numérique",
            "Accès internet et matériel informatique",
            "Acquisition de matériel informatique à prix solidaire");

    public static final List<String> PUBLICS = List.of(
            "Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes");

    public static final List<String> ACCESS_MODES = List.of(
            "Se présenter", "Téléphoner", "Contacter par mail", "Prendre un RDV en ligne",
            "Ce lieu n'accueille pas de public", "Envoyer un mail avec une fiche de prescription");

    public static final List<String> SUPPORT_MODES = List.of(
            "En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance");

    /** Access modes then support modes: what {@code modality} accepts. */
    public static final List<String> MODALITIES = concat(ACCESS_MODES, SUPPORT_MODES);

    /** The standard's dispositif_programmes_nationaux values. */
    public static final List<String> STANDARD_PROGRAMMES = List.of(
            "Aidants Connect", "Bibliothèques numérique de référence", "Certification PIX", "Conseillers numériques",
            "Emmaüs Connect", "France Services", "Grande école du numérique", "La Croix Rouge",
            "Point d'accès numérique CAF", "Promeneurs du net", "Relais numérique (Emmaüs Connect)");

    /** What LabelGranted may carry: the standard's programmes plus APTIC, which is not one of them. */
    public static final List<String> LABELS = concat(List.of("APTIC"), STANDARD_PROGRAMMES);

    /** A data.inclusion typology code, as the Place contract constrains it (the vocabulary itself is open). */
    public static final Pattern TYPOLOGY = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** ActorRegistered v1 had a {@code kind}; the spec maps each to one typology code. */
    private static final Map<String, String> V1_KIND_TYPOLOGY = Map.of(
            "association", "ASSO", "epn", "EPN", "tiers_lieu", "TIERS_LIEUX", "france_services", "RFS",
            "mairie", "MUNI", "bibliotheque", "BIB", "ccas", "CCAS", "entreprise", "ENTREPRISE", "autre", "AUTRE");

    private Vocabulary() {}

    public static Optional<String> typologyOfV1Kind(String kind) {
        return Optional.ofNullable(kind == null ? null : V1_KIND_TYPOLOGY.get(kind));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
