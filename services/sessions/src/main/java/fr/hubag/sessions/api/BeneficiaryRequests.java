package fr.hubag.sessions.api;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.ConsentPurpose;
import fr.hubag.contracts.sessions.Gender;
import fr.hubag.contracts.sessions.SocialStatus;
import fr.hubag.domain.Territory;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.sessions.domain.BeneficiaryCommand;
import fr.hubag.sessions.domain.BeneficiaryCommand.Consent;
import fr.hubag.sessions.domain.PersonalData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static fr.hubag.sessions.api.SessionRequests.body;
import static fr.hubag.sessions.api.SessionRequests.code;
import static fr.hubag.sessions.api.SessionRequests.optionalText;
import static fr.hubag.sessions.api.SessionRequests.uuid;

/**
 * The beneficiaries' request bodies and how each becomes a command plus the person's data. A refusal names the
 * field and what it must be, never the value sent: a problem document must not echo a phone number or a name.
 */
public final class BeneficiaryRequests {

    private BeneficiaryRequests() {}

    public record PersonalDataRequest(
            @Schema(required = true, maxLength = 200, description = "the person's name (encrypted at rest)")
            String name,
            @Schema(maxLength = 30, example = "+594 694 12 34 56") String phone,
            @Schema(maxLength = 254, format = "email") String email,
            @Schema(minimum = "1900", description = "the birth year: stored encrypted; only its age band is published")
            Integer birthYear,
            @Schema(maxLength = 20, description = "identifiant France Travail, when a referral carries one")
            String franceTravailNumber,
            @Schema(maxLength = 20, description = "numéro d'allocataire CAF, when a referral carries one")
            String cafNumber,
            @Schema(maxLength = 2000, description = "free-text notes; may name people, so encrypted like the rest")
            String notes) {}

    public record ConsentRequest(
            @Schema(required = true, enumeration = {"suivi_mediation", "retour_prescripteur", "recontact"})
            String purpose,
            @Schema(required = true, format = "date", description = "the local date the person gave it")
            String givenOn) {}

    public record RegisterRequest(
            @Schema(required = true, enumeration = {"GP", "GF", "MQ", "MF"}) String territory,
            @Schema(required = true, format = "uuid", description = "the census actor (mediators' structure) "
                    + "registering the person") String actorId,
            @Schema(pattern = "^[0-9]{5}$", description = "the commune of residence, in the territory") String
                    communeInseeCode,
            @Schema(enumeration = {"scolarise", "sans_emploi", "en_emploi", "retraite", "non_communique"},
                    description = "non_communique when absent") String socialStatus,
            @Schema(enumeration = {"masculin", "feminin", "non_communique"}) String gender,
            @Schema(required = true, description = "at least suivi_mediation") List<ConsentRequest> consents,
            @Schema(required = true) PersonalDataRequest personalData) {}

    /** The command (coarse attributes only) and the person's data, parsed together so every fault is named at once. */
    record Registration(BeneficiaryCommand.RegisterBeneficiary command, PersonalData data) {}

    static Registration register(RegisterRequest r, UUID beneficiaryId, Instant now) {
        Violations v = body(r);
        Optional<Territory> territory = v.oneOf("territory", r.territory(), Territory::parse,
                new Object[]{"GP", "GF", "MQ", "MF"});
        Optional<UUID> actor = uuid(v, "actorId", r.actorId(), true);
        String commune = r.communeInseeCode() == null ? null : v.matches("communeInseeCode", r.communeInseeCode(),
                "\\d{5}", "an INSEE commune code of five digits").orElse(null);
        SocialStatus status = r.socialStatus() == null ? SocialStatus.NON_COMMUNIQUE
                : code(v, "socialStatus", r.socialStatus(), SocialStatus.class).orElse(null);
        Gender gender = r.gender() == null ? null : code(v, "gender", r.gender(), Gender.class).orElse(null);
        List<Consent> consents = consents(v, r.consents());
        int year = now.atZone(territory.map(Territory::zone).orElse(Territory.GP.zone())).getYear();
        PersonalData data = personalData(v, "personalData.", r.personalData(), year);
        v.throwIfAny();
        AgeBand band = AgeBand.of(data.birthYear(), year);
        return new Registration(new BeneficiaryCommand.RegisterBeneficiary(beneficiaryId, territory.orElseThrow(),
                actor.orElseThrow(), band, commune, status, gender, consents, now), data);
    }

    static PersonalData personalData(PersonalDataRequest r, Instant now) {
        Violations v = body(r);
        PersonalData data = personalData(v, "", r, now.atZone(Territory.GP.zone()).getYear());
        v.throwIfAny();
        return data;
    }

    static Consent consent(ConsentRequest r) {
        Violations v = body(r);
        Consent consent = consent(v, "", r);
        v.throwIfAny();
        return consent;
    }

    static ConsentPurpose purpose(String code) {
        Violations v = new Violations();
        Optional<ConsentPurpose> purpose = code(v, "purpose", code, ConsentPurpose.class);
        v.throwIfAny();
        return purpose.orElseThrow();
    }

    private static List<Consent> consents(Violations v, List<ConsentRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            v.add("consents", "must record at least the consent to suivi_mediation");
            return List.of();
        }
        if (requests.size() > ConsentPurpose.values().length) {
            v.add("consents", "names each purpose at most once");
            return List.of();
        }
        List<Consent> consents = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Consent consent = consent(v, "consents[" + i + "].", requests.get(i));
            if (consent != null) {
                consents.add(consent);
            }
        }
        return consents;
    }

    private static Consent consent(Violations v, String at, ConsentRequest r) {
        if (r == null) {
            v.add(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "is required");
            return null;
        }
        Optional<ConsentPurpose> purpose = code(v, at + "purpose", r.purpose(), ConsentPurpose.class);
        Optional<LocalDate> givenOn = v.date(at + "givenOn", r.givenOn(), true);
        return purpose.isPresent() && givenOn.isPresent() ? new Consent(purpose.get(), givenOn.get()) : null;
    }

    /** Each value checked for shape only; the messages say what is expected, never what was sent. */
    private static PersonalData personalData(Violations v, String at, PersonalDataRequest r, int year) {
        if (r == null) {
            v.add(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "is required");
            return new PersonalData(null, null, null, null, null, null, null);
        }
        Optional<String> name = v.text(at + "name", r.name(), 200);
        String phone = r.phone() == null ? null : v.matches(at + "phone", r.phone(), "\\+?[0-9][0-9 .()-]{5,28}",
                "a phone number of digits, spaces, dots, dashes, with an optional leading +").orElse(null);
        String email = r.email() == null ? null : v.matches(at + "email", r.email(),
                "[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,}", "an e-mail address").orElse(null);
        Integer birthYear = r.birthYear();
        if (birthYear != null && (birthYear < 1900 || birthYear > year)) {
            v.add(at + "birthYear", "must be from 1900 to the current year");
        }
        String franceTravail = r.franceTravailNumber() == null ? null : v.matches(at + "franceTravailNumber",
                r.franceTravailNumber(), "[0-9A-Za-z]{1,20}", "up to 20 letters and digits").orElse(null);
        String caf = r.cafNumber() == null ? null : v.matches(at + "cafNumber", r.cafNumber(), "[0-9A-Za-z]{1,20}",
                "up to 20 letters and digits").orElse(null);
        String notes = optionalText(v, at + "notes", r.notes(), 2000);
        return new PersonalData(name.orElse(null), phone, email, birthYear, franceTravail, caf, notes);
    }
}
