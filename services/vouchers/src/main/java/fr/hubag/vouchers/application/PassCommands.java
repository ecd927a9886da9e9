package fr.hubag.vouchers.application;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.domain.CommandRejected;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.vouchers.domain.ActorFacts;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.domain.PassCode;
import fr.hubag.vouchers.domain.PassCommand;
import fr.hubag.vouchers.domain.PassState;
import fr.hubag.vouchers.infra.Census;
import fr.hubag.vouchers.infra.CodeKeys;
import fr.hubag.vouchers.infra.PassCodes;
import fr.hubag.vouchers.infra.Refusals;
import fr.hubag.vouchers.infra.VoucherStreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The passes' use cases: hand a pass (by its code) or a whole booklet to a beneficiary, redeem a pass by its code.
 * A code is checked (check character) before any look-up, then found by its keyed hash. A code the caller may not use
 * reads as unknown, so a code tells nothing to whoever is not meant to hold it. Every refused redemption is kept for
 * hub staff with its reason; the check that decides runs on the pass's own stream, so one redemption wins a race.
 */
@ApplicationScoped
public class PassCommands {

    /** Who receives a pass: a pseudonymous id and optional coarse attributes. */
    public record Beneficiary(UUID beneficiaryId, AgeBand ageBand, String communeInseeCode) {}

    private final CommandExecutor executor;
    private final Caller caller;
    private final CodeKeys keys;
    private final PassCodes codes;
    private final OrderBook orders;
    private final Census census;
    private final Refusals refusals;
    private final RefusalCommands refused;

    public PassCommands(CommandExecutor executor, Caller caller, CodeKeys keys, PassCodes codes, OrderBook orders,
                        Census census, Refusals refusals, RefusalCommands refused) {
        this.executor = executor;
        this.caller = caller;
        this.keys = keys;
        this.codes = codes;
        this.orders = orders;
        this.census = census;
        this.refusals = refusals;
        this.refused = refused;
    }

    public Uni<CommandResult<PassState>> distribute(PassCode.Reading code, Beneficiary beneficiary, Instant at,
                                                    CommandContext context,
                                                    Function<List<CommandOutcome<PassState>>, String> answer) {
        return locate(code).flatMap(pass -> orders.forDistribution(pass.orderId(), at).flatMap(state -> {
            if (!(state instanceof OrderState.Order order) || !VoucherAccess.mayDistribute(caller, order)) {
                throw unknownCode();
            }
            return executor.execute(VoucherStreams.PASS, List.of(pass.passId().toString()), context,
                    states -> List.of(distribute(pass.passId(), order, pass.booklet(), beneficiary, at)), answer);
        }));
    }

    /** Every pass of a booklet to one beneficiary, all or none. */
    public Uni<CommandResult<PassState>> distributeBooklet(UUID orderId, int booklet, Beneficiary beneficiary,
                                                           Instant at, CommandContext context,
                                                           Function<List<CommandOutcome<PassState>>, String> answer) {
        return orders.forDistribution(orderId, at).flatMap(state -> {
            if (!(state instanceof OrderState.Order order)) {
                throw CommandRejected.notFound("order-not-found", "no order " + orderId);
            }
            VoucherAccess.requireMaySee(caller, order);
            if (!VoucherAccess.mayDistribute(caller, order)) {
                throw new io.quarkus.security.ForbiddenException("this order is not given to you to distribute");
            }
            List<IssuedPass> passes = order.booklets().get(booklet);
            if (passes == null) {
                throw CommandRejected.notFound("booklet-not-found", "order " + orderId + " has booklets 1 to "
                        + order.booklets().size());
            }
            return executor.execute(VoucherStreams.PASS, passes.stream().map(p -> p.passId().toString()).toList(),
                    context, states -> passes.stream().map(p -> (PassCommand) distribute(p.passId(), order, booklet,
                            beneficiary, at)).toList(), answer);
        });
    }

    private PassCommand.Distribute distribute(UUID passId, OrderState.Order order, int booklet,
                                              Beneficiary beneficiary, Instant at) {
        return new PassCommand.Distribute(passId, order.terms(), booklet, caller.subject(),
                beneficiary.beneficiaryId(), beneficiary.ageBand(), beneficiary.communeInseeCode(), at);
    }

    /**
     * Redeems the pass of {@code code} at {@code actorId}; a refusal is recorded, then answered. The actor's facts, the
     * code's pass and its stream are read in one statement, the order from memory; the pass is decided on that stream
     * and appended: two round trips to the database (three with an idempotency key, looked up by the executor).
     */
    public Uni<CommandResult<PassState>> redeem(PassCode.Reading code, UUID actorId, UUID sessionId, Instant at,
                                                CommandContext context,
                                                Function<List<CommandOutcome<PassState>>, String> answer) {
        String hash = switch (code) {
            case PassCode.Valid valid -> keys.hash(valid.code());
            case PassCode.Mistyped mistyped -> null; // refused without a look-up
            case PassCode.Malformed malformed -> throw new IllegalArgumentException("a malformed code is a 400");
        };
        return census.redeeming(actorId, hash).flatMap(read -> {
            ActorFacts actor = read.actor();
            VoucherAccess.requireMayRedeemFor(caller, actorId, actor);
            if (hash == null || read.pass().isEmpty()) {
                CommandRejected refusal = hash == null ? mistyped() : unknownCode();
                return refuse(actor, null, null, refusal, at, context)
                        .flatMap(nothing -> Uni.createFrom().<CommandResult<PassState>>failure(refusal));
            }
            PassCodes.Located pass = read.pass().get();
            return orders.order(pass.orderId()).flatMap(state -> {
                if (!(state instanceof OrderState.Order order)) {
                    CommandRejected unknown = unknownCode();
                    return refuse(actor, null, null, unknown, at, context)
                            .flatMap(nothing -> Uni.createFrom().<CommandResult<PassState>>failure(unknown));
                }
                String stream = pass.passId().toString();
                return executor.execute(VoucherStreams.PASS, List.of(stream), context,
                                states -> List.of(new PassCommand.Redeem(pass.passId(), order.terms(), actor,
                                        sessionId, at)), answer, null, Map.of(stream, read.passEvents()))
                        .call(result -> result instanceof CommandResult.Rejected<PassState> rejected
                                ? refuse(actor, pass.passId(), pass.orderId(), rejected.rejection(), at, context)
                                : Uni.createFrom().voidItem());
            });
        });
    }

    public Uni<List<Refusals.Refusal>> refusals(UUID actorId) {
        boolean admin = VoucherAccess.admin(caller);
        List<String> territories = caller.territories().stream().map(Enum::name).toList();
        return refusals.recent(territories, admin, actorId, 500);
    }

    /** The refusal's event and its fraud-review row ({@link RefusalCommands}). */
    private Uni<Void> refuse(ActorFacts actor, UUID passId, UUID orderId, CommandRejected why, Instant at,
                             CommandContext request) {
        return refused.refuse(actor, passId, orderId, why.code(), at, caller.subject(), request);
    }

    /** The pass a well-formed code leads to: refused without a look-up when its check character is wrong. */
    private Uni<PassCodes.Located> locate(PassCode.Reading code) {
        return switch (code) {
            case PassCode.Valid valid -> codes.find(keys.hash(valid.code()))
                    .map(found -> found.orElseThrow(PassCommands::unknownCode));
            case PassCode.Mistyped mistyped -> Uni.createFrom().failure(mistyped());
            case PassCode.Malformed malformed -> throw new IllegalArgumentException("a malformed code is a 400");
        };
    }

    private static CommandRejected mistyped() {
        return CommandRejected.unprocessable("code-mistyped", "code", "this code has a typo (its check character "
                + "does not match): read it again");
    }

    private static CommandRejected unknownCode() {
        return CommandRejected.notFound("code-unknown", "no pass has this code");
    }

    public Caller caller() { return caller; }
}
