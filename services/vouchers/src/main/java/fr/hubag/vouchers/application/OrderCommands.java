package fr.hubag.vouchers.application;

import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Ids;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.vouchers.domain.OrderCommand;
import fr.hubag.vouchers.domain.OrderCommand.ActivateOrder;
import fr.hubag.vouchers.domain.OrderCommand.ConfirmLateDistribution;
import fr.hubag.vouchers.domain.OrderCommand.QuoteOrder;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.domain.PassCode;
import fr.hubag.vouchers.infra.CodeKeys;
import fr.hubag.vouchers.infra.PassCodes;
import fr.hubag.vouchers.infra.VoucherStreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The orders' use cases: quote (the passes' codes drawn here from a secure random source, the quote decided, its
 * events and the codes' hashes and sealed codes stored in one transaction), activate with the payment mandate, read,
 * and give a booklet's codes to its funder for printing (as JSON, or on the PDF's coupons).
 */
@ApplicationScoped
public class OrderCommands {

    /** What a funder asks for, before the passes are drawn; {@code validUntil} null: the default. */
    public record OrderRequest(UUID orderId, String funderId, Perimeter perimeter, int booklets,
                               int passesPerBooklet, long faceValueCents, LocalDate validUntil, String programmeId,
                               List<String> distributors, Instant at) {}

    /** A booklet as printed: each pass's id and code. */
    public record Booklet(UUID orderId, int booklet, List<PrintedPass> passes) {}

    public record PrintedPass(UUID passId, String code) {}

    /** A booklet to print: its order's quote (funder, perimeter, face value, validity) and its passes' codes. */
    public record PrintableBooklet(OrderQuoted quote, int booklet, List<CodedPass> passes) {}

    public record CodedPass(UUID passId, PassCode code) {}

    private static final long MAX_PASSES = 10_000;

    private final CommandExecutor executor;
    private final Caller caller;
    private final CodeKeys keys;
    private final PassCodes codes;
    private final OrderBook orders;

    public OrderCommands(CommandExecutor executor, Caller caller, CodeKeys keys, PassCodes codes, OrderBook orders) {
        this.executor = executor;
        this.caller = caller;
        this.keys = keys;
        this.codes = codes;
        this.orders = orders;
    }

    public Uni<CommandResult<OrderState>> quote(OrderRequest request, CommandContext context,
                                                Function<List<CommandOutcome<OrderState>>, String> answer) {
        VoucherAccess.requireMayOrder(caller, request.perimeter().territories(), request.funderId());
        List<List<IssuedPass>> issued = new ArrayList<>();
        List<PassCodes.Entry> entries = new ArrayList<>();
        if (request.booklets() > 0 && request.passesPerBooklet() > 0
                && (long) request.booklets() * request.passesPerBooklet() <= MAX_PASSES) {
            for (int b = 1; b <= request.booklets(); b++) {
                List<IssuedPass> booklet = new ArrayList<>();
                for (int p = 1; p <= request.passesPerBooklet(); p++) {
                    PassCode code = keys.draw();
                    IssuedPass pass = new IssuedPass(Ids.timeOrdered(), keys.hash(code));
                    booklet.add(pass);
                    entries.add(new PassCodes.Entry(pass.passId(), request.orderId(), b, p, pass.codeHash(),
                            keys.seal(code)));
                }
                issued.add(booklet);
            }
        }
        QuoteOrder command = new QuoteOrder(request.orderId(), request.funderId(), request.perimeter(),
                request.booklets(), request.passesPerBooklet(), request.faceValueCents(), request.validUntil(),
                request.programmeId(), request.distributors(), issued, request.at());
        // the codes' rows commit with the quote's events: a refused or replayed quote stores none
        return executor.create(VoucherStreams.ORDER, request.orderId().toString(), context,
                states -> List.of(command), answer,
                (tx, changed) -> entries.isEmpty() ? Uni.createFrom().voidItem() : codes.insert(tx, entries));
    }

    public Uni<CommandResult<OrderState>> activate(ActivateOrder command, CommandContext context,
                                                   Function<List<CommandOutcome<OrderState>>, String> answer) {
        return byFunder(command, context, answer);
    }

    /** The funder allows distribution in the last 15 days before the validity end; again, nothing changes. */
    public Uni<CommandResult<OrderState>> confirmLateDistribution(ConfirmLateDistribution command,
                                                                   CommandContext context,
                                                                   Function<List<CommandOutcome<OrderState>>, String> answer) {
        return byFunder(command, context, answer);
    }

    /** A command only the order's funder (or a hub admin) may give, checked on the order it is decided on. */
    private Uni<CommandResult<OrderState>> byFunder(OrderCommand command, CommandContext context,
                                                    Function<List<CommandOutcome<OrderState>>, String> answer) {
        return executor.execute(VoucherStreams.ORDER, List.of(command.orderId().toString()), context, states -> {
            if (states.get(0) instanceof OrderState.Order order) {
                VoucherAccess.requireFunder(caller, order);
            }
            return List.of(command);
        }, answer);
    }

    /** An order as it is now, if the caller may see it. */
    public Uni<CommandExecutor.Loaded<OrderState>> load(UUID orderId) {
        return orders.load(orderId).map(loaded -> {
            if (loaded.state() instanceof OrderState.Order order) {
                VoucherAccess.requireMaySee(caller, order);
            }
            return loaded;
        });
    }

    /** A booklet's codes in clear, for its funder to print. */
    public Uni<Booklet> booklet(UUID orderId, int number) {
        return printable(orderId, number).map(b -> new Booklet(orderId, number, b.passes().stream()
                .map(p -> new PrintedPass(p.passId(), p.code().grouped())).toList()));
    }

    /**
     * A booklet as its PDF prints it: the order's quote (the terms every pass carries) and the passes' codes in clear,
     * in booklet order, for the order's funder or a hub admin only. One booklet's codes at a time. The order comes
     * from the {@link OrderBook} (an activated order from memory): printing the 1 000 booklets of an order must not
     * fold its thousand events a thousand times.
     */
    public Uni<PrintableBooklet> printable(UUID orderId, int number) {
        return orders.order(orderId).flatMap(state -> {
            if (!(state instanceof OrderState.Order order)) {
                throw CommandRejected.notFound("order-not-found", "no order " + orderId);
            }
            VoucherAccess.requireFunder(caller, order);
            if (!order.booklets().containsKey(number)) {
                throw CommandRejected.notFound("booklet-not-found", "order " + orderId + " has booklets 1 to "
                        + order.booklets().size());
            }
            Set<UUID> passes = order.booklets().get(number).stream().map(IssuedPass::passId)
                    .collect(Collectors.toSet());
            return codes.booklet(orderId, number).map(entries -> new PrintableBooklet(order.quote(), number,
                    entries.stream().filter(e -> passes.contains(e.passId()))
                            .map(e -> new CodedPass(e.passId(), keys.unseal(e.sealedCode()))).toList()));
        });
    }

    public Caller caller() { return caller; }
}
