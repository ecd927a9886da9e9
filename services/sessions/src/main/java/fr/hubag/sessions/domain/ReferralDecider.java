package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.ReferralEvent;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAccepted;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAssigned;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralExpired;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralOutcomeRecorded;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralRefused;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralSubmitted;
import fr.hubag.contracts.sessions.ReferralOutcome;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;
import fr.hubag.sessions.domain.ReferralCommand.AcceptReferral;
import fr.hubag.sessions.domain.ReferralCommand.AssignReferral;
import fr.hubag.sessions.domain.ReferralCommand.ExpireReferral;
import fr.hubag.sessions.domain.ReferralCommand.RecordOutcome;
import fr.hubag.sessions.domain.ReferralCommand.RefuseReferral;
import fr.hubag.sessions.domain.ReferralCommand.SubmitReferral;
import fr.hubag.sessions.domain.ReferralState.None;
import fr.hubag.sessions.domain.ReferralState.Referral;
import fr.hubag.sessions.domain.ReferralState.Status;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A referral's life: submitted by a partner for a registered beneficiary of the territory who consented to the
 * outcome being told back ({@code retour_prescripteur}); accepted or refused by hub staff; assigned (again, if need
 * be) once accepted; closed by its outcome. Refused, closed and expired are final. Asking again for what is already
 * true records nothing, and expiry never refuses: the job that asks may run twice, or after someone answered.
 */
public final class ReferralDecider implements Decider<ReferralCommand, ReferralEvent, ReferralState> {

    @Override
    public ReferralState initialState() {
        return new None();
    }

    @Override
    public List<ReferralEvent> decide(ReferralCommand command, ReferralState state) {
        if (command instanceof SubmitReferral submit) {
            return submit(submit, state);
        }
        if (!(state instanceof Referral referral)) {
            throw CommandRejected.notFound("referral-not-found", "no such referral");
        }
        return switch (command) {
            case SubmitReferral submit -> submit(submit, state);
            case AcceptReferral accept -> switch (referral.status()) {
                case SUBMITTED -> List.of(new ReferralAccepted(referral.referralId(), referral.partner(),
                        referral.territory(), accept.at()));
                case ACCEPTED, ASSIGNED -> List.of();
                default -> throw fin(referral);
            };
            case RefuseReferral refuse -> switch (referral.status()) {
                case SUBMITTED -> List.of(new ReferralRefused(referral.referralId(), referral.partner(),
                        referral.territory(), refuse.reason(), refuse.at()));
                case REFUSED -> {
                    if (referral.refusal() != refuse.reason()) {
                        throw fin(referral);
                    }
                    yield List.of();
                }
                case ACCEPTED, ASSIGNED -> throw CommandRejected.conflict("referral-accepted",
                        "the referral was accepted: record its outcome instead");
                default -> throw fin(referral);
            };
            case AssignReferral assign -> switch (referral.status()) {
                case SUBMITTED -> throw notAccepted();
                case ACCEPTED -> List.of(assigned(referral, assign));
                case ASSIGNED -> Objects.equals(referral.actorId(), assign.actorId())
                        && Objects.equals(referral.sessionId(), assign.sessionId()) ? List.of()
                        : List.of(assigned(referral, assign));
                default -> throw fin(referral);
            };
            case RecordOutcome outcome -> recordOutcome(outcome, referral);
            case ExpireReferral expire -> referral.status() == Status.SUBMITTED
                    && !expire.at().isBefore(referral.submittedAt().plus(Duration.ofDays(expire.afterDays())))
                    ? List.of(new ReferralExpired(referral.referralId(), referral.partner(), referral.territory(),
                    expire.afterDays(), expire.at()))
                    : List.of();
        };
    }

    private static List<ReferralEvent> submit(SubmitReferral submit, ReferralState state) {
        if (state instanceof Referral) {
            throw CommandRejected.conflict("referral-exists", "this referral was already submitted");
        }
        ReferralCommand.Beneficiary person = submit.beneficiary();
        if (!person.registered()) {
            throw CommandRejected.unprocessable("beneficiary-unknown", "beneficiaryId",
                    "no beneficiary with this id: register the person first, with their consent to retour_prescripteur");
        }
        if (person.erased()) {
            throw CommandRejected.conflict("beneficiary-erased", "this beneficiary was erased");
        }
        if (person.territory() != submit.territory()) {
            throw CommandRejected.unprocessable("beneficiary-outside-territory", "beneficiaryId",
                    "the beneficiary is not registered in " + submit.territory().label());
        }
        if (!person.consentsToFeedback()) {
            throw CommandRejected.unprocessable("consent-missing", "beneficiaryId",
                    "the beneficiary has not consented to retour_prescripteur: the outcome could not be told back");
        }
        if (submit.themes().isEmpty() || new HashSet<>(submit.themes()).size() != submit.themes().size()) {
            throw CommandRejected.unprocessable("themes-invalid", "themes", "at least one theme, each once");
        }
        return List.of(new ReferralSubmitted(submit.referralId(), submit.partner(), submit.territory(),
                submit.beneficiaryId(), submit.reason(), submit.themes(), submit.at()));
    }

    private static List<ReferralEvent> recordOutcome(RecordOutcome command, Referral referral) {
        boolean redirected = command.outcome() == ReferralOutcome.REDIRECTED;
        if (redirected && command.redirectedTo() == null) {
            throw CommandRejected.unprocessable("redirection-structure-required", "redirectedTo",
                    "a redirected referral names the kind of structure");
        }
        if (!redirected && command.redirectedTo() != null) {
            throw CommandRejected.unprocessable("redirection-structure-unexpected", "redirectedTo",
                    "only a redirected referral names a structure");
        }
        return switch (referral.status()) {
            case SUBMITTED -> throw notAccepted();
            case ACCEPTED, ASSIGNED -> List.of(new ReferralOutcomeRecorded(referral.referralId(), referral.partner(),
                    referral.territory(), command.outcome(), command.redirectedTo(), command.at()));
            case CLOSED -> {
                if (referral.outcome() != command.outcome() || referral.redirectedTo() != command.redirectedTo()) {
                    throw fin(referral);
                }
                yield List.of();
            }
            default -> throw fin(referral);
        };
    }

    private static ReferralAssigned assigned(Referral referral, AssignReferral assign) {
        return new ReferralAssigned(referral.referralId(), referral.partner(), referral.territory(), assign.actorId(),
                assign.sessionId(), assign.at());
    }

    private static CommandRejected notAccepted() {
        return CommandRejected.conflict("referral-not-accepted", "the referral has not been accepted yet");
    }

    private static CommandRejected fin(Referral referral) {
        return CommandRejected.conflict("referral-" + referral.status().code(),
                "the referral is " + referral.status().code() + ": it takes no more commands");
    }

    @Override
    public ReferralState evolve(ReferralState state, ReferralEvent event) {
        return switch (event) {
            case ReferralSubmitted s -> new Referral(s.referralId(), s.partner(), s.territory(), s.beneficiaryId(),
                    s.reason(), s.themes(), s.occurredAt(), Status.SUBMITTED, null, null, null, null, null,
                    s.occurredAt());
            case ReferralAccepted a -> ((Referral) state).with(Status.ACCEPTED, a.occurredAt());
            case ReferralRefused r -> ((Referral) state).refused(r.reason(), r.occurredAt());
            case ReferralAssigned a -> ((Referral) state).assigned(a.actorId(), a.sessionId(), a.occurredAt());
            case ReferralOutcomeRecorded o -> ((Referral) state).closed(o.outcome(), o.redirectedTo(), o.occurredAt());
            case ReferralExpired e -> ((Referral) state).with(Status.EXPIRED, e.occurredAt());
        };
    }
}
