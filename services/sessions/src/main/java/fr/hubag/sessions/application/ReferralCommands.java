package fr.hubag.sessions.application;

import fr.hubag.contracts.sessions.ConsentPurpose;
import fr.hubag.domain.CommandRejected;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.sessions.domain.BeneficiaryState;
import fr.hubag.sessions.domain.ReferralCommand;
import fr.hubag.sessions.domain.ReferralCommand.AssignReferral;
import fr.hubag.sessions.domain.ReferralCommand.SubmitReferral;
import fr.hubag.sessions.domain.ReferralState;
import fr.hubag.sessions.domain.SessionState;
import fr.hubag.sessions.infra.BeneficiaryStreams;
import fr.hubag.sessions.infra.ReferralStreams;
import fr.hubag.sessions.infra.SessionStreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Referrals as commands for any transport. Two facts come from other streams, read just before the decision: the
 * referred beneficiary (registered, not erased, of the territory, consenting to {@code retour_prescripteur}) and, for
 * an assignment to a session, the session's actor and territory. A change on those streams between the read and the
 * append is not seen — the same window a person at a desk would have.
 */
@ApplicationScoped
public class ReferralCommands {

    private final CommandExecutor executor;
    private final Caller caller;

    public ReferralCommands(CommandExecutor executor, Caller caller) {
        this.executor = executor;
        this.caller = caller;
    }

    /** {@code command} without the beneficiary's facts: they are read here. */
    public Uni<CommandResult<ReferralState>> submit(SubmitReferral command, CommandContext context,
                                                    Function<List<CommandOutcome<ReferralState>>, String> answer) {
        ReferralAccess.requireMaySubmit(caller, command.territory());
        return executor.load(BeneficiaryStreams.BENEFICIARY, command.beneficiaryId().toString()).chain(loaded -> {
            SubmitReferral decided = new SubmitReferral(command.referralId(), command.partner(), command.territory(),
                    command.beneficiaryId(), facts(loaded.state()), command.reason(), command.themes(), command.at());
            return executor.create(ReferralStreams.REFERRAL, command.referralId().toString(), context,
                    states -> List.of(decided), answer, null);
        });
    }

    /** Accept, refuse, record the outcome: hub staff of the referral's territory. */
    public Uni<CommandResult<ReferralState>> answer(ReferralCommand command, CommandContext context,
                                                    Function<List<CommandOutcome<ReferralState>>, String> answer) {
        return executor.execute(ReferralStreams.REFERRAL, List.of(command.referralId().toString()), context,
                states -> {
                    ReferralAccess.requireMayAnswer(caller, states.get(0));
                    return List.of(command);
                }, answer);
    }

    /** An assignment to a session takes the session's actor; the session must be of the referral's territory. */
    public Uni<CommandResult<ReferralState>> assign(AssignReferral command, CommandContext context,
                                                    Function<List<CommandOutcome<ReferralState>>, String> answer) {
        ReferralAccess.requireMayAnswer(caller, new ReferralState.None());
        if (command.sessionId() == null) {
            return answer(command, context, answer);
        }
        return executor.load(SessionStreams.SESSION, command.sessionId().toString()).chain(loaded -> {
            if (!(loaded.state() instanceof SessionState.Scheduled session)) {
                throw CommandRejected.unprocessable("session-not-found", "sessionId", "no such session");
            }
            if (command.actorId() != null && !command.actorId().equals(session.actorId())) {
                throw CommandRejected.unprocessable("session-of-another-actor", "actorId",
                        "the session is run by another actor");
            }
            AssignReferral toSession = new AssignReferral(command.referralId(), session.actorId(),
                    command.sessionId(), command.at());
            return executor.execute(ReferralStreams.REFERRAL, List.of(command.referralId().toString()), context,
                    states -> {
                        ReferralAccess.requireMayAnswer(caller, states.get(0));
                        if (states.get(0) instanceof ReferralState.Referral referral
                                && referral.territory() != session.territory()) {
                            throw CommandRejected.unprocessable("session-outside-territory", "sessionId",
                                    "the session is not in the referral's territory");
                        }
                        return List.of(toSession);
                    }, answer);
        });
    }

    /** A referral as it is now, after checking the caller may read it. */
    public Uni<CommandExecutor.Loaded<ReferralState>> load(UUID referralId) {
        return executor.load(ReferralStreams.REFERRAL, referralId.toString()).map(loaded -> {
            if (loaded.state() instanceof ReferralState.Referral referral) {
                ReferralAccess.requireMayRead(caller, referral);
            }
            return loaded;
        });
    }

    private static ReferralCommand.Beneficiary facts(BeneficiaryState state) {
        return switch (state) {
            case BeneficiaryState.Unregistered none -> ReferralCommand.Beneficiary.UNKNOWN;
            case BeneficiaryState.Registered b -> new ReferralCommand.Beneficiary(true, b.erased(), b.territory(),
                    b.consents().containsKey(ConsentPurpose.RETOUR_PRESCRIPTEUR));
        };
    }

    public Caller caller() { return caller; }
}
