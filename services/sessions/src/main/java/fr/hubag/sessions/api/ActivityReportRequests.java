package fr.hubag.sessions.api;

import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.Autonomy;
import fr.hubag.contracts.sessions.Equipment;
import fr.hubag.contracts.sessions.Gender;
import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.Redirection;
import fr.hubag.contracts.sessions.RedirectionStructure;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.SocialStatus;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.Coded;
import fr.hubag.domain.Territory;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.sessions.api.SessionRequests.PlaceRequest;
import fr.hubag.sessions.domain.ActivityReportCommand.Activity;
import fr.hubag.sessions.domain.ActivityReportCommand.Counted;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static fr.hubag.sessions.api.SessionRequests.UUID_FORMAT;
import static fr.hubag.sessions.api.SessionRequests.code;
import static fr.hubag.sessions.api.SessionRequests.number;
import static fr.hubag.sessions.api.SessionRequests.optionalText;
import static fr.hubag.sessions.api.SessionRequests.uuid;

/**
 * The body of an activity report (the national mediators' tool's *compte rendu d'activité*) and how it becomes an
 * activity: every field checked in one pass, a 400 naming each one at fault; the rules of activities (one person for
 * an individual accompaniment, counts within the total, a date not in the future) are the decider's 422s. No free
 * text that may name someone is taken: {@code notes} are refused until they can be kept encrypted per beneficiary.
 */
public final class ActivityReportRequests {

    private ActivityReportRequests() {}

    static final int MAX_PARTICIPANTS = 500;
    static final int MAX_COUNTED = 10_000;

    public record ParticipantRequest(
            @Schema(required = true, format = UUID_FORMAT, description = "the beneficiary's pseudonymous id")
            String beneficiaryId,
            @Schema(enumeration = {"entierement_accompagne", "partiellement_autonome", "autonome"},
                    description = "autonomie, when assessed") String autonomy) {}

    /**
     * Counts are read as JSON values and checked to be whole numbers here: a JSON number such as {@code 1e-999999}
     * would otherwise be rounded into a count the caller never sent.
     */
    public record AnonymousRequest(
            @Schema(required = true, type = SchemaType.INTEGER, minimum = "0", maximum = "10000",
                    description = "people counted without a name") Object total,
            @Schema(type = SchemaType.INTEGER, minimum = "0", description = "of them, already accompanied before "
                    + "(default 0)") Object alreadyAccompanied,
            @Schema(additionalProperties = Integer.class, description = "genre → count: feminin, masculin, "
                    + "non_communique; those not placed are non_communique") Map<String, Object> genders,
            @Schema(additionalProperties = Integer.class, description = "tranche d'âge → count: moins_de_douze, "
                    + "douze_dix_huit, dix_huit_vingt_quatre, vingt_cinq_trente_neuf, quarante_cinquante_neuf, "
                    + "soixante_soixante_neuf, soixante_dix_plus, non_communique") Map<String, Object> ageBands,
            @Schema(additionalProperties = Integer.class, description = "statut social → count: scolarise, "
                    + "sans_emploi, en_emploi, retraite, non_communique") Map<String, Object> socialStatuses) {}

    public record RedirectionRequest(
            @Schema(required = true, enumeration = {"administration", "mediation_numerique",
                    "operateur_ou_organisme_en_charge", "aide_sociale", "insertion_professionnelle",
                    "aide_aux_demarches_administratives", "autre"}, description = "structure de redirection")
            String structureType,
            @Schema(format = UUID_FORMAT, description = "the census actor redirected to, when it is one")
            String actorId) {}

    public record ActivityReportRequest(
            @Schema(required = true, enumeration = {"GP", "GF", "MQ", "MF"}) String territory,
            @Schema(required = true, format = UUID_FORMAT, description = "the census actor the activity is recorded "
                    + "for (the mediators' structure)") String actorId,
            @Schema(required = true, enumeration = {"individuel", "collectif"}) String type,
            @Schema(required = true, example = "2026-11-26", description = "local date in the territory, not after "
                    + "today") String date,
            @Schema(required = true, minimum = "1", maximum = "1440") Integer durationMinutes,
            @Schema(required = true, description = "lieu_activite with the census actor's id; domicile or autre "
                    + "with a commune of the territory; a_distance") PlaceRequest place,
            @Schema(description = "matériel utilisé: ordinateur, telephone, tablette, autre, aucun (alone)")
            List<String> equipment,
            @Schema(required = true, description = "codes of the national mediators' tool's thematiques "
                    + "(docs/sessions.md), at least one") List<String> themes,
            @Schema(description = "required for collectif") String title,
            @Schema(enumeration = {"debutant", "intermediaire", "avance"}, description = "collectif only")
            String level,
            @Schema(required = true, format = UUID_FORMAT, description = "the aidant of the census") String mediatorId,
            @Schema(description = "the funding programme, if any") String programme,
            @Schema(description = "named participants (pseudonymous ids); individuel: one person, named here or "
                    + "counted in anonymous") List<ParticipantRequest> participants,
            @Schema(description = "participants counted without a name") AnonymousRequest anonymous,
            @Schema(description = "individuel only: where the person was redirected") RedirectionRequest redirection,
            @Schema(maxLength = 2000, description = "individuel naming its person only: free-text notes, which may "
                    + "name people, so kept only sealed with that person's key (erased with them), never in an event "
                    + "or a read model; read back by GET of the report, not in the answer to this request")
            String notes) {}

    /** The report's notes (validated with the rest by {@link #activity}); null when none. */
    static String notes(ActivityReportRequest r) {
        return r.notes() == null || r.notes().isBlank() ? null : r.notes().strip();
    }

    /** The one named person of an individuel report, whose key seals its notes. */
    static UUID notedPerson(ActivityReportRequest r) {
        return UUID.fromString(r.participants().get(0).beneficiaryId());
    }

    private static boolean namesOnePerson(ActivityReportRequest r) {
        return "individuel".equals(r.type()) && r.participants() != null && r.participants().size() == 1
                && r.participants().get(0) != null && r.participants().get(0).beneficiaryId() != null;
    }

    static Activity activity(ActivityReportRequest r) {
        Violations v = SessionRequests.body(r);
        if (r.notes() != null && !namesOnePerson(r)) {
            v.add("notes", "are kept only on an individuel report naming its person (sealed with their key): free "
                    + "text may name people");
        }
        optionalText(v, "notes", r.notes(), 2000);
        Optional<Territory> territory = v.oneOf("territory", r.territory(), Territory::parse,
                new Object[]{"GP", "GF", "MQ", "MF"});
        Optional<UUID> actor = uuid(v, "actorId", r.actorId(), true);
        Optional<SessionType> type = code(v, "type", r.type(), SessionType.class);
        Optional<LocalDate> date = v.date("date", r.date(), true);
        int duration = number(v, "durationMinutes", r.durationMinutes(), 1, 1440);
        Optional<Venue> place = SessionRequests.venue(v, r.place());
        List<Equipment> equipment = distinctCodes(v, "equipment", r.equipment(), Equipment.class);
        List<Theme> themes = SessionRequests.themes(v, r.themes());
        String title = optionalText(v, "title", r.title(), 200);
        Level level = r.level() == null ? null : code(v, "level", r.level(), Level.class).orElse(null);
        Optional<UUID> mediator = uuid(v, "mediatorId", r.mediatorId(), true);
        String programme = optionalText(v, "programme", r.programme(), 120);
        List<ActivityParticipant> participants = participants(v, r.participants());
        Counted anonymous = anonymous(v, r.anonymous());
        Redirection redirection = redirection(v, r.redirection());
        v.throwIfAny();
        return new Activity(territory.orElseThrow(), actor.orElseThrow(), type.orElseThrow(), date.orElseThrow(),
                duration, place.orElseThrow(), equipment, themes, title, level, mediator.orElseThrow(), programme,
                participants, anonymous, redirection);
    }

    private static List<ActivityParticipant> participants(Violations v, List<ParticipantRequest> requests) {
        List<ActivityParticipant> participants = new ArrayList<>();
        if (requests == null) {
            return participants;
        }
        if (requests.size() > MAX_PARTICIPANTS) {
            v.add("participants", "must name at most " + MAX_PARTICIPANTS + " participants");
            return participants;
        }
        for (int i = 0; i < requests.size(); i++) {
            ParticipantRequest p = requests.get(i);
            String at = "participants[" + i + "]";
            if (p == null) {
                v.add(at, "is required");
                continue;
            }
            Optional<UUID> beneficiary = uuid(v, at + ".beneficiaryId", p.beneficiaryId(), true);
            Autonomy autonomy = p.autonomy() == null ? null
                    : code(v, at + ".autonomy", p.autonomy(), Autonomy.class).orElse(null);
            beneficiary.ifPresent(id -> participants.add(new ActivityParticipant(id, autonomy)));
        }
        return participants;
    }

    private static Counted anonymous(Violations v, AnonymousRequest r) {
        if (r == null) {
            return Counted.NOBODY;
        }
        if (r.total() == null) {
            v.add("anonymous.total", "is required");
        }
        int total = count(v, "anonymous.total", r.total());
        int already = r.alreadyAccompanied() == null ? 0
                : count(v, "anonymous.alreadyAccompanied", r.alreadyAccompanied());
        return new Counted(total, already, counts(v, "anonymous.genders", r.genders(), Gender.class),
                counts(v, "anonymous.ageBands", r.ageBands(), AgeBand.class),
                counts(v, "anonymous.socialStatuses", r.socialStatuses(), SocialStatus.class));
    }

    private static <T extends Enum<T> & Coded> Map<T, Integer> counts(Violations v, String field,
                                                                     Map<String, Object> given, Class<T> type) {
        Map<T, Integer> counts = new EnumMap<>(type);
        if (given == null) {
            return counts;
        }
        given.forEach((key, value) -> {
            Optional<T> code = code(v, field + "." + key, key, type);
            int count = count(v, field + "." + key, value);
            code.ifPresent(c -> counts.put(c, count));
        });
        return counts;
    }

    /** A whole number of people from 0 to {@link #MAX_COUNTED}, as JSON gave it (no rounding). */
    private static int count(Violations v, String field, Object value) {
        if (value instanceof Integer count && count >= 0 && count <= MAX_COUNTED) {
            return count;
        }
        if (value != null) {
            v.add(field, "must be a whole number from 0 to " + MAX_COUNTED);
        }
        return 0;
    }

    private static Redirection redirection(Violations v, RedirectionRequest r) {
        if (r == null) {
            return null;
        }
        Optional<RedirectionStructure> structure = code(v, "redirection.structureType", r.structureType(),
                RedirectionStructure.class);
        Optional<UUID> actor = uuid(v, "redirection.actorId", r.actorId(), false);
        return structure.map(s -> new Redirection(s, actor.orElse(null))).orElse(null);
    }

    private static <T extends Enum<T> & Coded> List<T> distinctCodes(Violations v, String field, List<String> codes,
                                                                   Class<T> type) {
        if (codes == null) {
            return List.of();
        }
        Set<T> values = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            code(v, field + "[" + i + "]", codes.get(i), type).ifPresent(values::add);
        }
        if (values.size() < codes.size() && v.ok()) {
            v.add(field, "names a value twice");
        }
        return List.copyOf(values);
    }
}
