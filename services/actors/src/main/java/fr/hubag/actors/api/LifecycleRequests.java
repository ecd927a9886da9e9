package fr.hubag.actors.api;

import fr.hubag.actors.api.ActorResource.ClosureRequest;
import fr.hubag.actors.api.ActorResource.ReopeningRequest;
import fr.hubag.actors.api.LabelResource.GrantRequest;
import fr.hubag.actors.api.LabelResource.RevocationRequest;
import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.contracts.actors.Label;
import fr.hubag.domain.Coded;
import fr.hubag.servicekit.problem.Violations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Checks the small command bodies (closure, reopening, labels) field by field; 400 names every field at fault. */
final class LifecycleRequests {

    private LifecycleRequests() {}

    static ActorCommand.CloseActor close(ClosureRequest request, UUID actorId, Instant now) {
        Violations v = body(request);
        Optional<LocalDate> on = v.date("closedOn", request.closedOn(), true);
        Optional<String> reason = v.text("reason", request.reason(), 500);
        v.throwIfAny();
        return new ActorCommand.CloseActor(actorId, on.orElseThrow(), reason.orElseThrow(), now);
    }

    static ActorCommand.ReopenActor reopen(ReopeningRequest request, UUID actorId, Instant now) {
        Violations v = body(request);
        Optional<LocalDate> on = v.date("reopenedOn", request.reopenedOn(), true);
        v.throwIfAny();
        return new ActorCommand.ReopenActor(actorId, on.orElseThrow(), now);
    }

    static ActorCommand.GrantLabel grant(GrantRequest request, UUID actorId, Instant now) {
        Violations v = body(request);
        Optional<Label> label = label(v, request.label());
        Optional<LocalDate> from = v.date("validFrom", request.validFrom(), true);
        Optional<LocalDate> until = v.date("validUntil", request.validUntil(), false);
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            v.add("validUntil", "must not be before validFrom");
        }
        v.throwIfAny();
        return new ActorCommand.GrantLabel(actorId, label.orElseThrow(), from.orElseThrow(), until.orElse(null), now);
    }

    static ActorCommand.RevokeLabel revoke(RevocationRequest request, UUID actorId, Instant now) {
        Violations v = body(request);
        Optional<Label> label = label(v, request.label());
        Optional<LocalDate> on = v.date("effectiveOn", request.effectiveOn(), true);
        Optional<String> reason = v.text("reason", request.reason(), 500);
        v.throwIfAny();
        return new ActorCommand.RevokeLabel(actorId, label.orElseThrow(), on.orElseThrow(), reason.orElseThrow(), now);
    }

    static Optional<Label> label(Violations v, String code) {
        return v.oneOf("label", code, c -> Coded.parse(Label.class, c), Coded.codes(Label.class));
    }

    static Violations body(Object request) {
        Violations v = new Violations();
        if (request == null) {
            v.add("body", "is required");
            v.throwIfAny();
        }
        return v;
    }
}
