package fr.hubag.sessions.application;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.sessions.domain.BeneficiaryCommand;
import fr.hubag.sessions.domain.BeneficiaryState;
import fr.hubag.sessions.domain.PersonalData;
import fr.hubag.sessions.infra.BeneficiaryStreams;
import fr.hubag.sessions.infra.ActivityNotes;
import fr.hubag.sessions.infra.BeneficiaryVault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The beneficiaries' use cases: the pseudonymous facts go through the kernel as events, the person's data to the
 * encrypted vault. The two stores do not share a transaction, so the order is chosen for privacy:
 * <ul>
 *   <li><b>register</b>: the vault first (a new key, the data sealed with it), then the event; if the command is
 *   refused or was answered before under the same Idempotency-Key, the new id's vault rows are deleted at once. A
 *   crash in between leaves sealed data under an id with no stream — unreadable to any caller, and erased by a
 *   DELETE of that id;</li>
 *   <li><b>erase</b>: the key first, then {@code BeneficiaryErased}: once the caller has an answer the data is
 *   unreadable, and a crash in between is mended by asking again (both steps are safe to repeat).</li>
 * </ul>
 * Log lines name the pseudonymous id and the actor, never the person.
 */
@ApplicationScoped
public class BeneficiaryCommands {

    private static final Logger LOG = Logger.getLogger(BeneficiaryCommands.class);

    private final CommandExecutor executor;
    private final BeneficiaryVault vault;
    private final ActivityNotes notes;
    private final Caller caller;

    public BeneficiaryCommands(CommandExecutor executor, BeneficiaryVault vault, ActivityNotes notes, Caller caller) {
        this.executor = executor;
        this.vault = vault;
        this.notes = notes;
        this.caller = caller;
    }

    public Uni<CommandResult<BeneficiaryState>> register(BeneficiaryCommand.RegisterBeneficiary command,
                                                         PersonalData data, CommandContext context,
                                                         Function<List<CommandOutcome<BeneficiaryState>>, String> answer) {
        BeneficiaryAccess.requireMayRegister(caller, command);
        UUID id = command.beneficiaryId();
        return vault.store(id, data, command.at())
                .chain(() -> executor.execute(BeneficiaryStreams.BENEFICIARY, List.of(id.toString()), context,
                        states -> List.of(command), answer))
                .onFailure().call(failure -> vault.erase(id))
                .call(result -> {
                    if (result instanceof CommandResult.Decided<BeneficiaryState> decided && decided.changed()) {
                        LOG.infof("beneficiary %s registered by actor %s in %s", id, command.actorId(),
                                command.territory());
                        return Uni.createFrom().voidItem();
                    }
                    return vault.erase(id); // refused, or the key's first answer stands: this id is not used
                });
    }

    /** A command on a registered beneficiary the caller may handle (consents). */
    public Uni<CommandResult<BeneficiaryState>> onBeneficiary(BeneficiaryCommand command, CommandContext context,
                                                              Function<List<CommandOutcome<BeneficiaryState>>, String> answer) {
        return executor.execute(BeneficiaryStreams.BENEFICIARY, List.of(command.beneficiaryId().toString()), context,
                states -> {
                    BeneficiaryAccess.requireMayHandle(caller, states.get(0));
                    return List.of(command);
                }, answer);
    }

    /** The key, then the event; an id with vault rows but no stream (a crash during registration) is cleaned too. */
    public Uni<CommandResult<BeneficiaryState>> erase(BeneficiaryCommand.EraseBeneficiary command,
                                                      CommandContext context,
                                                      Function<List<CommandOutcome<BeneficiaryState>>, String> answer) {
        UUID id = command.beneficiaryId();
        return load(id).chain(loaded -> {
            BeneficiaryAccess.requireMayHandle(caller, loaded.state());
            // the key first (nothing sealed with it opens any more), then the sealed rows: data, reports' notes
            return vault.erase(id).chain(() -> notes.erase(id));
        }).chain(() -> onBeneficiary(command, context, answer)).invoke(result -> {
            if (result instanceof CommandResult.Decided<BeneficiaryState> decided && decided.changed()) {
                LOG.infof("beneficiary %s erased: key deleted", id);
            }
        });
    }

    /** Replaces the person's data (no event: nothing published changes); empty when erased or unknown. */
    public Uni<Optional<Long>> replacePersonalData(UUID id, PersonalData data, Instant at) {
        return load(id).chain(loaded -> switch (loaded.state()) {
            case BeneficiaryState.Unregistered none -> Uni.createFrom().item(Optional.<Long>empty());
            case BeneficiaryState.Registered beneficiary -> {
                BeneficiaryAccess.requireMayHandle(caller, beneficiary.territory(), beneficiary.actorId());
                yield beneficiary.erased() ? Uni.createFrom().item(Optional.<Long>empty())
                        : vault.replace(id, data, at).map(done -> done ? Optional.of(loaded.version())
                        : Optional.<Long>empty());
            }
        });
    }

    public Uni<CommandExecutor.Loaded<BeneficiaryState>> load(UUID id) {
        return executor.load(BeneficiaryStreams.BENEFICIARY, id.toString());
    }

    /** The person's data, for a caller who may see it. */
    public Uni<Optional<PersonalData>> personalData(UUID id) {
        return vault.read(id);
    }

    public Caller caller() { return caller; }
}
