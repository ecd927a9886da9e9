package fr.hubag.actors.domain.place;

import fr.hubag.contracts.standard.AccessMode;
import fr.hubag.contracts.standard.Fee;
import fr.hubag.contracts.standard.Itinerance;
import fr.hubag.contracts.actors.Place;
import fr.hubag.contracts.standard.Programme;
import fr.hubag.contracts.standard.Public;
import fr.hubag.contracts.standard.Service;
import fr.hubag.contracts.standard.SpecificSupport;
import fr.hubag.contracts.standard.SupportMode;
import fr.hubag.contracts.standard.TrainingLabel;
import fr.hubag.contracts.actors.Commune;
import fr.hubag.actors.domain.place.PlaceReading.Invalid;
import fr.hubag.actors.domain.place.PlaceReading.Valid;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceReaderTest {

    private final PlaceReader reader = new PlaceReader(CommuneRegistry.official());

    /** The standard's exemple-valide.csv row, moved to Le Lamentin (Martinique) with a Martinique phone. */
    static Map<String, Object> validRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "structure-1");
        row.put("pivot", "43493312300029");
        row.put("nom", "Anonymal");
        row.put("commune", "Le Lamentin");
        row.put("code_postal", "97232");
        row.put("code_insee", "97213");
        row.put("adresse", "12 BIS RUE DE LECLERCQ");
        row.put("complement_adresse", "Le patio du bois de l'Aulne");
        row.put("latitude", "14.61");
        row.put("longitude", "-60.99");
        row.put("typologie", "TIERS_LIEUX|ASSO");
        row.put("telephone", "+596596123456");
        row.put("courriels", "contact@laquincaillerie.tl|responsable@laquincaillerie.tl");
        row.put("site_web", "https://www.laquincaillerie.tl/|https://m.facebook.com/laquincaillerienumerique/");
        row.put("horaires", "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00");
        row.put("presentation_resume", "Notre association propose des formations aux outils numériques à destination"
                + " des personnes âgées.");
        row.put("presentation_detail", "Notre parcours d'initiation permet l'acquisition de compétences numériques.");
        row.put("source", "Hubik");
        row.put("itinerance", "Itinérant");
        row.put("structure_parente", "SIRET de la ville pour une bibliothèque.");
        row.put("date_maj", "2024-04-02");
        row.put("services", "Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique"
                + "|Loisirs et créations numériques");
        row.put("publics_specifiquement_adresses", "Jeunes|Femmes");
        row.put("prise_en_charge_specifique", "Surdité|Illettrisme|Langues étrangères (anglais)");
        row.put("frais_a_charge", "Gratuit sous condition|Payant");
        row.put("dispositif_programmes_nationaux", "Aidants Connect|Conseillers numériques|La Croix Rouge");
        row.put("formations_labels", "Formé à « Mon Espace Santé »|Arnia/MedNum BFC (Bourgogne-Franche-Comté)");
        row.put("autres_formations_labels", "Label et la bête");
        row.put("modalites_acces", "Se présenter|Téléphoner");
        row.put("modalites_accompagnement", "Dans un atelier collectif|À distance|En autonomie|Accompagnement "
                + "individuel");
        row.put("fiche_acces_libre", "https://acceslibre.beta.gouv.fr/app/29-lampaul-plouarzel/a/bibliotheque-"
                + "mediatheque/erp/mediatheque-13/");
        row.put("prise_rdv", "https://www.rdv-solidarites.fr/");
        return row;
    }

    @Test
    void reads_the_standards_example_relocated_to_martinique() {
        Valid valid = valid(read(validRow(), ReadOptions.STRICT));
        Place place = valid.place();
        assertThat(valid.externalId()).isEqualTo("structure-1");
        assertThat(valid.warnings()).isEmpty();
        assertThat(place.name()).isEqualTo("Anonymal");
        assertThat(place.pivot()).isEqualTo("43493312300029");
        assertThat(place.pivotUnknown()).isFalse();
        assertThat(place.commune()).isEqualTo(new Commune("Le Lamentin", "97213", "97232"));
        assertThat(place.commune().territory()).contains(fr.hubag.domain.Territory.MQ);
        assertThat(place.latitude()).isEqualTo(14.61);
        assertThat(place.longitude()).isEqualTo(-60.99);
        assertThat(place.typologies()).containsExactly("TIERS_LIEUX", "ASSO");
        assertThat(place.phone()).isEqualTo("+596596123456");
        assertThat(place.emails()).hasSize(2);
        assertThat(place.websites()).hasSize(2);
        assertThat(place.itinerance()).containsExactly(Itinerance.ITINERANT);
        assertThat(place.updatedOn()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(place.services()).containsExactly(Service.MAITRISE_DES_OUTILS_NUMERIQUES_DU_QUOTIDIEN,
                Service.INSERTION_PROFESSIONNELLE_VIA_LE_NUMERIQUE, Service.LOISIRS_ET_CREATIONS_NUMERIQUES);
        assertThat(place.publics()).containsExactly(Public.JEUNES, Public.FEMMES);
        assertThat(place.specificSupport()).containsExactly(SpecificSupport.SURDITE, SpecificSupport.ILLETTRISME,
                SpecificSupport.LANGUES_ETRANGERES_ANGLAIS);
        assertThat(place.fees()).containsExactly(Fee.GRATUIT_SOUS_CONDITION, Fee.PAYANT);
        assertThat(place.programmes()).containsExactly(Programme.AIDANTS_CONNECT, Programme.CONSEILLERS_NUMERIQUES,
                Programme.LA_CROIX_ROUGE);
        assertThat(place.trainingLabels()).containsExactly(TrainingLabel.FORME_A_MON_ESPACE_SANTE,
                TrainingLabel.ARNIA_MEDNUM_BFC);
        assertThat(place.otherTrainingLabels()).containsExactly("Label et la bête");
        assertThat(place.accessModes()).containsExactly(AccessMode.SE_PRESENTER, AccessMode.TELEPHONER);
        assertThat(place.supportModes()).containsExactly(SupportMode.DANS_UN_ATELIER_COLLECTIF,
                SupportMode.A_DISTANCE, SupportMode.EN_AUTONOMIE, SupportMode.ACCOMPAGNEMENT_INDIVIDUEL);
        assertThat(place.accesLibreUrl()).startsWith("https://acceslibre");
        assertThat(place.appointmentUrl()).isEqualTo("https://www.rdv-solidarites.fr/");
    }

    @Test
    void accepts_json_shapes_lists_numbers_and_a_missing_insee_code() {
        Map<String, Object> row = validRow();
        row.remove("code_insee");
        row.put("code_postal", 97232.0);
        row.put("latitude", 14.61);
        row.put("longitude", "-60,99");
        row.put("services", List.of("Aide aux démarches administratives", " ", "Aide aux démarches administratives"));
        row.put("telephone", "05 96 12 34 56");
        row.put("date_maj", "2024-04-02T10:15:00-04:00");
        row.put("id", null);
        Valid valid = valid(read(row, ReadOptions.STRICT));
        assertThat(valid.externalId()).isEmpty();
        assertThat(valid.place().commune()).isEqualTo(new Commune("Le Lamentin", "97213", "97232"));
        assertThat(valid.place().longitude()).isEqualTo(-60.99);
        assertThat(valid.place().services()).containsExactly(Service.AIDE_AUX_DEMARCHES_ADMINISTRATIVES);
        assertThat(valid.place().phone()).isEqualTo("+596596123456");
        assertThat(valid.place().updatedOn()).isEqualTo(LocalDate.of(2024, 4, 2));
    }

    @Test
    void a_spreadsheet_bom_before_the_first_column_is_ignored() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("\uFEFFid", "structure-1");
        row.putAll(validRow());
        row.remove("id");
        assertThat(valid(read(row, ReadOptions.STRICT)).externalId()).isEqualTo("structure-1");
    }

    @Test
    void only_the_required_fields_make_a_place() {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : List.of("pivot", "nom", "commune", "code_postal", "adresse", "date_maj")) {
            row.put(column, validRow().get(column));
        }
        Place place = valid(read(row, ReadOptions.STRICT)).place();
        assertThat(place.commune().inseeCode()).isEqualTo("97213");
        assertThat(place.services()).isEmpty();
        assertThat(place.latitude()).isNull();
    }

    @Test
    void the_unknown_pivot_must_be_flagged() {
        Map<String, Object> row = validRow();
        row.put("pivot", "00000000000000");
        assertThat(problemOn(row, StandardField.PIVOT)).contains("pivot_inconnu");

        row.put("pivot_inconnu", "true");
        assertThat(valid(read(row, ReadOptions.STRICT)).place()).satisfies(p -> {
            assertThat(p.pivot()).isEqualTo("00000000000000");
            assertThat(p.pivotUnknown()).isTrue();
        });

        row.remove("pivot_inconnu");
        row.put("pivot", "000000000");
        assertThat(valid(read(row, new ReadOptions(true, false))).place().pivot()).isEqualTo("00000000000000");

        row.put("pivot", "");
        row.put("pivot_inconnu", true);
        assertThat(valid(read(row, ReadOptions.STRICT)).place().pivotUnknown()).isTrue();
        row.remove("pivot_inconnu");
        assertThat(problemOn(row, StandardField.PIVOT)).contains("is required");
    }

    @Test
    void a_flag_on_a_real_pivot_is_dropped_with_a_warning() {
        Map<String, Object> row = validRow();
        row.put("pivot_inconnu", true);
        Valid valid = valid(read(row, ReadOptions.STRICT));
        assertThat(valid.place().pivotUnknown()).isFalse();
        assertThat(valid.warnings()).extracting(FieldProblem::field).containsExactly(StandardField.PIVOT_UNKNOWN);
    }

    @Test
    void each_rule_names_its_field() {
        assertProblem("nom", " ", StandardField.NOM, "required");
        assertProblem("pivot", "43493312300028", StandardField.PIVOT, "Luhn");
        assertProblem("commune", "Ducos", StandardField.COMMUNE, "Le Lamentin");
        assertProblem("code_postal", "97200", StandardField.CODE_POSTAL, "97232");
        assertProblem("code_insee", "97411", StandardField.CODE_INSEE, "Réunion");
        assertProblem("adresse", null, StandardField.ADRESSE, "required");
        assertProblem("date_maj", "02/04/2024", StandardField.DATE_MAJ, "YYYY-MM-DD");
        assertProblem("date_maj", "", StandardField.DATE_MAJ, "required");
        assertProblem("latitude", "north", StandardField.LATITUDE, "not a number");
        assertProblem("longitude", null, StandardField.LONGITUDE, "give both or neither");
        assertProblem("typologie", "EPN|tiers lieu", StandardField.TYPOLOGIE, "'tiers lieu'");
        assertProblem("telephone", "0590 12 34 56", StandardField.TELEPHONE, "Guadeloupe");
        assertProblem("courriels", "contact@x.fr; autre@x.fr", StandardField.COURRIELS, "separate several");
        assertProblem("site_web", "www.x.fr", StandardField.SITE_WEB, "http");
        assertProblem("horaires", "lundi 9h-12h", StandardField.HORAIRES, "'lundi' at position 1");
        assertProblem("presentation_resume", "x".repeat(281), StandardField.PRESENTATION_RESUME, "281 characters");
        assertProblem("itinerance", "Mobile", StandardField.ITINERANCE, "Itinérant | Fixe");
        assertProblem("services", "Cuisine", StandardField.SERVICES, "'Cuisine' is not a value of services");
        assertProblem("publics_specifiquement_adresses", "Tout public", StandardField.PUBLICS_SPECIFIQUEMENT_ADRESSES,
                "Jeunes | Étudiants");
        assertProblem("frais_a_charge", "Gratuit;Payant", StandardField.FRAIS_A_CHARGE, "'Gratuit;Payant'");
        assertProblem("dispositif_programmes_nationaux", "APTIC", StandardField.DISPOSITIF_PROGRAMMES_NATIONAUX,
                "'APTIC'");
        assertProblem("modalites_accompagnement", "Seul", StandardField.MODALITES_ACCOMPAGNEMENT, "En autonomie");
        assertProblem("fiche_acces_libre", "acceslibre", StandardField.FICHE_ACCES_LIBRE, "web address");
        assertProblem("prise_rdv", "ftp://x.fr", StandardField.PRISE_RDV, "http");
    }

    @Test
    void enumeration_messages_stay_short() {
        Map<String, Object> row = validRow();
        row.put("services", "Something else entirely");
        assertThat(problemOn(row, StandardField.SERVICES)).hasSizeLessThanOrEqualTo(300).endsWith("…");
    }

    @Test
    void reports_every_problem_at_once_in_column_order() {
        Map<String, Object> row = validRow();
        row.put("nom", "");
        row.put("telephone", "06 12 34 56 78");
        row.put("horaires", "Mx 10:00-12:00");
        Invalid invalid = invalid(read(row, ReadOptions.STRICT));
        assertThat(invalid.problems()).extracting(FieldProblem::field)
                .containsExactly(StandardField.NOM, StandardField.TELEPHONE, StandardField.HORAIRES);
        assertThat(invalid.problems().get(2).reason()).contains("unknown weekday 'Mx' at position 1");
    }

    @Test
    void mainland_coordinates_for_an_overseas_commune_are_refused_on_latitude() {
        Map<String, Object> row = validRow();
        row.put("latitude", "43.52609");
        row.put("longitude", "5.41423");
        assertThat(problemOn(row, StandardField.LATITUDE)).contains("mainland France", "Martinique");
    }

    @Test
    void reads_a_legacy_export() {
        Map<String, Object> row = validRow();
        row.remove("code_insee");
        row.remove("dispositif_programmes_nationaux");
        row.remove("formations_labels");
        row.remove("autres_formations_labels");
        row.remove("publics_specifiquement_adresses");
        row.remove("prise_en_charge_specifique");
        row.remove("frais_a_charge");
        row.put("code_postal", 97232);
        row.put("services", "Prendre en main un ordinateur;Accéder à une connexion internet;"
                + "Devenir autonome dans les démarches administratives;Utiliser le numérique au quotidien");
        row.put("modalites_accompagnement", "Seul;Avec de l'aide;Dans un atelier");
        row.put("labels_nationaux", "CNFS;France Services;APTIC;Point Numérique CAF;Fabriques de Territoire;"
                + "SUD LABS;Label du Lamentin");
        row.put("publics_accueillis", "Jeunes (16-26 ans);Seniors (+ 65 ans);Surdité;Handicaps psychiques;"
                + "Tout public");
        row.put("conditions_acces", "Gratuit;Adhésion;Accepte le Pass numérique");
        Valid valid = valid(read(row, new ReadOptions(false, true)));
        Place place = valid.place();
        assertThat(place.commune().postcode()).isEqualTo("97232");
        assertThat(place.commune().inseeCode()).isEqualTo("97213");
        assertThat(place.services()).containsExactly(Service.MAITRISE_DES_OUTILS_NUMERIQUES_DU_QUOTIDIEN,
                Service.ACCES_INTERNET_ET_MATERIEL_INFORMATIQUE, Service.AIDE_AUX_DEMARCHES_ADMINISTRATIVES);
        assertThat(place.supportModes()).containsExactly(SupportMode.EN_AUTONOMIE,
                SupportMode.ACCOMPAGNEMENT_INDIVIDUEL, SupportMode.DANS_UN_ATELIER_COLLECTIF);
        assertThat(place.programmes()).containsExactly(Programme.CONSEILLERS_NUMERIQUES, Programme.FRANCE_SERVICES,
                Programme.POINT_D_ACCES_NUMERIQUE_CAF);
        assertThat(place.trainingLabels()).containsExactly(TrainingLabel.FABRIQUES_DE_TERRITOIRE,
                TrainingLabel.SUD_LABS);
        assertThat(place.otherTrainingLabels()).containsExactly("Label du Lamentin");
        assertThat(place.publics()).containsExactly(Public.JEUNES, Public.SENIORS);
        assertThat(place.specificSupport()).containsExactly(SpecificSupport.SURDITE,
                SpecificSupport.HANDICAPS_MENTAUX);
        assertThat(place.fees()).containsExactly(Fee.GRATUIT, Fee.PAYANT);
        assertThat(valid.warnings()).extracting(FieldProblem::kind).containsOnly("legacy-value-mapped",
                "legacy-value-dropped", "legacy-label-kept-as-other");
        assertThat(valid.warnings()).filteredOn(w -> "legacy-value-mapped".equals(w.kind()))
                .extracting(FieldProblem::field).containsExactlyInAnyOrder(StandardField.SERVICES,
                        StandardField.MODALITES_ACCOMPAGNEMENT, StandardField.DISPOSITIF_PROGRAMMES_NATIONAUX,
                        StandardField.PUBLICS_SPECIFIQUEMENT_ADRESSES, StandardField.FRAIS_A_CHARGE);
        assertThat(valid.warnings()).filteredOn(w -> "legacy-value-dropped".equals(w.kind()))
                .extracting(FieldProblem::read).containsExactlyInAnyOrder("APTIC", "Tout public",
                        "Accepte le Pass numérique");
        assertThat(valid.warnings()).filteredOn(w -> !w.field().equals(StandardField.SERVICES)
                        && !w.field().equals(StandardField.MODALITES_ACCOMPAGNEMENT))
                .allSatisfy(w -> assertThat(w.reason()).contains("legacy column"));
    }

    @Test
    void a_file_in_v1_gets_none_of_the_older_exports_corrections() {
        assertProblem("telephone", "596516976", StandardField.TELEPHONE, "10 digits");
        assertProblem("commune", "Lamentan", StandardField.COMMUNE, "Lamentan");
        assertProblem("latitude", "43.52609", StandardField.LATITUDE, "outside Martinique");
        Map<String, Object> row = validRow();
        row.put("pivot", "");
        assertThat(invalid(read(row, new ReadOptions(true, false))).problems()).extracting(FieldProblem::field)
                .containsExactly(StandardField.PIVOT);
        row = validRow();
        row.put("courriel", "autre@x.fr");
        row.remove("courriels");
        assertThat(valid(read(row, ReadOptions.STRICT)).place().emails()).isEmpty();
    }

    @Test
    void an_older_export_keeps_the_place_and_leaves_a_wrong_optional_value_empty() {
        Map<String, Object> row = validRow();
        row.putAll(Map.of("telephone", "0590 12 34 56", "horaires", "lundi 9h-12h", "site_web", "www.x.fr",
                "typologie", "EPN|tiers lieu", "services", "Cuisine;Prendre en main un ordinateur"));
        Valid valid = valid(read(row, new ReadOptions(false, true)));
        assertThat(valid.place().phone()).isNull();
        assertThat(valid.place().openingHours()).isNull();
        assertThat(valid.place().websites()).isEmpty();
        assertThat(valid.place().typologies()).containsExactly("EPN");
        assertThat(valid.place().services()).containsExactly(Service.MAITRISE_DES_OUTILS_NUMERIQUES_DU_QUOTIDIEN);
        assertThat(valid.warnings()).filteredOn(w -> "optional-value-dropped".equals(w.kind()))
                .extracting(FieldProblem::field).containsExactly(StandardField.TYPOLOGIE, StandardField.SITE_WEB,
                        StandardField.HORAIRES, StandardField.SERVICES);
        row.put("code_postal", "97400");
        assertThat(invalid(read(row, new ReadOptions(false, true))).problems()).extracting(FieldProblem::field)
                .contains(StandardField.CODE_POSTAL);
    }

    @Test
    void legacy_problems_go_on_the_target_field_and_name_the_column() {
        Map<String, Object> row = validRow();
        row.put("publics_accueillis", "Martiens");
        assertThat(problemOn(row, StandardField.PUBLICS_SPECIFIQUEMENT_ADRESSES))
                .contains("publics_accueillis", "legacy", "'Martiens'");
    }

    @Test
    void an_old_service_value_in_a_v1_file_gets_a_hint() {
        Map<String, Object> row = validRow();
        row.put("services", "Prendre en main un ordinateur");
        assertThat(problemOn(row, StandardField.SERVICES)).contains("older version",
                "Maîtrise des outils numériques du quotidien");
    }

    @Test
    void typography_is_forgiven_and_loose_spelling_is_reported() {
        Map<String, Object> row = validRow();
        row.put("modalites_acces", "Ce lieu n’accueille pas de public");
        row.put("formations_labels", "Étapes numériques (La Poste)");
        row.put("services", "comprehension du monde numerique");
        Valid valid = valid(read(row, ReadOptions.STRICT));
        assertThat(valid.place().accessModes()).containsExactly(AccessMode.N_ACCUEILLE_PAS_DE_PUBLIC);
        assertThat(valid.place().trainingLabels()).containsExactly(TrainingLabel.ETAPES_NUMERIQUES);
        assertThat(valid.place().services()).containsExactly(Service.COMPREHENSION_DU_MONDE_NUMERIQUE);
        assertThat(valid.warnings()).singleElement().satisfies(w -> assertThat(w.field())
                .isEqualTo(StandardField.SERVICES));
    }

    @Test
    void the_territory_comes_from_the_commune_so_a_saint_martin_place_needs_a_590_phone() {
        Map<String, Object> row = validRow();
        row.put("commune", "Saint-Martin");
        row.put("code_insee", "97801");
        row.put("code_postal", "97150");
        row.put("latitude", "18.0678");
        row.put("longitude", "-63.0823");
        assertThat(problemOn(row, StandardField.TELEPHONE)).contains("+590");
        row.put("telephone", "0590 87 50 04");
        assertThat(valid(read(row, ReadOptions.STRICT)).place().phone()).isEqualTo("+590590875004");
    }

    private void assertProblem(String column, Object value, StandardField field, String fragment) {
        Map<String, Object> row = validRow();
        row.put(column, value);
        assertThat(problemOn(row, field)).as(column + " = " + value).contains(fragment);
    }

    private String problemOn(Map<String, Object> row, StandardField field) {
        Invalid invalid = invalid(read(row, ReadOptions.STRICT));
        assertThat(invalid.problems()).extracting(FieldProblem::field).as(invalid.problems().toString())
                .contains(field);
        return invalid.problems().stream().filter(p -> p.field() == field).findFirst().orElseThrow().reason();
    }

    private PlaceReading read(Map<String, Object> row, ReadOptions options) {
        return reader.read(RawPlace.ofColumns(row), options);
    }

    private static Valid valid(PlaceReading reading) {
        assertThat(reading).as(reading.toString()).isInstanceOf(Valid.class);
        return (Valid) reading;
    }

    private static Invalid invalid(PlaceReading reading) {
        assertThat(reading).as(reading.toString()).isInstanceOf(Invalid.class);
        return (Invalid) reading;
    }
}
