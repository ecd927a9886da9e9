package fr.hubag.actors.api;

import fr.hubag.actors.domain.ActorCommand.GrantLabel;
import fr.hubag.actors.domain.ActorCommand.RegisterActor;
import fr.hubag.actors.domain.ActorKind;
import fr.hubag.actors.domain.Commune;
import fr.hubag.actors.domain.Label;
import fr.hubag.eventsourcing.Territory;
import fr.hubag.eventsourcing.decider.Coded;
import fr.hubag.servicekit.problem.Violations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a request field by field and turns it into a command, or answers 400 naming every field at fault. The
 * territory comes from the commune's INSEE code; a territory sent by the client only has to agree with it.
 */
final class ActorRequests {

    private ActorRequests() {}

    static RegisterActor register(RegisterActorRequest request, UUID actorId, Instant now) {
        Violations v = new Violations();
        if (request == null) {
            v.add("body", "is required");
            v.throwIfAny();
        }
        Optional<String> name = v.text("name", request.name(), 200);
        Optional<ActorKind> kind = v.oneOf("kind", request.kind(), code -> Coded.parse(ActorKind.class, code),
                Coded.codes(ActorKind.class));
        Optional<String> address = v.text("address", request.address(), 300);
        Commune commune = null;
        if (request.commune() == null) {
            v.add("commune", "is required");
        } else {
            Optional<String> communeName = v.text("commune.name", request.commune().name(), 100);
            Optional<String> insee = v.matches("commune.inseeCode", request.commune().inseeCode(), "\\d{5}",
                    "a 5-digit INSEE code");
            Optional<String> postcode = v.matches("commune.postcode", request.commune().postcode(), "\\d{5}",
                    "a 5-digit postcode");
            Optional<Territory> territory = insee.flatMap(Territory::ofInseeCode);
            if (insee.isPresent() && territory.isEmpty()) {
                v.add("commune.inseeCode", "must be a commune of Guadeloupe (971), Martinique (972), Guyane (973) "
                        + "or Saint-Martin (97801)");
            }
            if (territory.isPresent() && communeName.isPresent() && postcode.isPresent()) {
                commune = new Commune(communeName.get(), insee.get(), postcode.get());
                if (!commune.postcodeAgreesWith(territory.get())) {
                    v.add("commune.postcode", "is not a postcode of " + territory.get().label());
                }
                if (request.territory() != null && !request.territory().equals(territory.get().name())) {
                    v.add("territory", "does not match the commune, which is in " + territory.get().name());
                }
            }
        }
        v.throwIfAny();
        return new RegisterActor(actorId, name.orElseThrow(), kind.orElseThrow(), commune, address.orElseThrow(), now);
    }

    static GrantLabel grant(GrantLabelRequest request, UUID actorId, Instant now) {
        Violations v = new Violations();
        if (request == null) {
            v.add("body", "is required");
            v.throwIfAny();
        }
        Optional<Label> label = v.oneOf("label", request.label(), code -> Coded.parse(Label.class, code),
                Coded.codes(Label.class));
        Optional<LocalDate> from = v.date("validFrom", request.validFrom(), true);
        Optional<LocalDate> until = v.date("validUntil", request.validUntil(), false);
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            v.add("validUntil", "must not be before validFrom");
        }
        v.throwIfAny();
        return new GrantLabel(actorId, label.orElseThrow(), from.orElseThrow(), until.orElse(null), now);
    }
}
