package fr.hubag.vouchers.api;

import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.domain.Ids;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.commands.CommandResponse;
import fr.hubag.servicekit.commands.Commands;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.vouchers.application.OrderCommands;
import fr.hubag.vouchers.application.PassCommands;
import fr.hubag.vouchers.domain.OrderCommand;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.domain.PassCode;
import fr.hubag.vouchers.domain.PassState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The REST face of the vouchers' use cases: reads the HTTP context of each command (Idempotency-Key, If-Match,
 * correlation) through the service kit's adapter, runs the use case and answers with what the caller needs to see —
 * the answer also remembered for an idempotent replay.
 */
@ApplicationScoped
public class HttpVoucherCommands {

    private final OrderCommands orders;
    private final PassCommands passes;
    private final Commands commands;

    public HttpVoucherCommands(OrderCommands orders, PassCommands passes, Commands commands) {
        this.orders = orders;
        this.passes = passes;
        this.commands = commands;
    }

    public Uni<Response> quote(VoucherRequests.OrderBody body, ContainerRequestContext http, Instant now) {
        String self = orders.caller().hasRole("partner") ? orders.caller().subject() : null;
        var request = VoucherRequests.order(body, Ids.timeOrdered(), self, now);
        Commands.Answer<OrderState> answer = commands.answering(outcomes -> order(outcomes.get(0), 201));
        return orders.quote(request, commands.context(http, orders.caller(), body), answer).map(answer::toResponse);
    }

    public Uni<Response> activate(UUID orderId, VoucherRequests.ActivationBody body, ContainerRequestContext http,
                                  Instant now) {
        var command = new OrderCommand.ActivateOrder(orderId, VoucherRequests.mandate(body), now);
        Commands.Answer<OrderState> answer = commands.answering(outcomes -> order(outcomes.get(0), 200));
        return orders.activate(command, commands.context(http, orders.caller(), body), answer)
                .map(answer::toResponse);
    }

    public Uni<Response> confirmLateDistribution(UUID orderId, ContainerRequestContext http, Instant now) {
        var command = new OrderCommand.ConfirmLateDistribution(orderId, orders.caller().subject(), now);
        Commands.Answer<OrderState> answer = commands.answering(outcomes -> order(outcomes.get(0), 200));
        return orders.confirmLateDistribution(command, commands.context(http, orders.caller(), null), answer)
                .map(answer::toResponse);
    }

    public Uni<Response> distribute(VoucherRequests.DistributionBody body, ContainerRequestContext http,
                                    Instant now) {
        Violations v = VoucherRequests.start(body);
        var beneficiary = VoucherRequests.beneficiary(v, body);
        boolean byCode = body.code() != null;
        Optional<UUID> orderId = VoucherRequests.uuid(v, "orderId", body.orderId(), false);
        PassCode.Reading code = byCode ? VoucherRequests.code(v, body.code()) : null;
        if (byCode == (orderId.isPresent() || body.booklet() != null)) {
            v.add("code", "name a pass by its code, or a booklet by orderId and booklet: one of the two");
        } else if (!byCode && (orderId.isEmpty() || body.booklet() == null)) {
            v.add("booklet", "a booklet is named by orderId and booklet together");
        }
        v.throwIfAny();
        Commands.Answer<PassState> answer = commands.answering(outcomes -> new CommandResponse(201, Map.of(),
                commands.toJson(new VoucherViews.DistributionView(outcomes.stream()
                        .map(o -> VoucherViews.PassView.of(o.state(), o.version())).toList()))));
        var context = commands.context(http, passes.caller(), body);
        Uni<CommandResult<PassState>> result = byCode
                ? passes.distribute(code, beneficiary, now, context, answer)
                : passes.distributeBooklet(orderId.orElseThrow(), body.booklet(), beneficiary, now, context, answer);
        return result.map(answer::toResponse);
    }

    public Uni<Response> redeem(VoucherRequests.RedemptionBody body, ContainerRequestContext http, Instant now) {
        Violations v = VoucherRequests.start(body);
        PassCode.Reading code = VoucherRequests.code(v, body.code());
        Optional<UUID> actorId = VoucherRequests.uuid(v, "actorId", body.actorId(), true);
        Optional<UUID> sessionId = VoucherRequests.uuid(v, "sessionId", body.sessionId(), false);
        v.throwIfAny();
        Commands.Answer<PassState> answer = commands.answering(outcomes -> redeemed(outcomes.get(0)));
        return passes.redeem(code, actorId.orElseThrow(), sessionId.orElse(null), now,
                commands.context(http, passes.caller(), body), answer).map(answer::toResponse);
    }

    private CommandResponse order(CommandOutcome<OrderState> outcome, int status) {
        OrderState.Order order = (OrderState.Order) outcome.state();
        return new CommandResponse(status, Map.of("Location", "/api/vouchers/orders/" + order.orderId()),
                commands.toJson(VoucherViews.OrderView.of(order, outcome.version())));
    }

    private CommandResponse redeemed(CommandOutcome<PassState> outcome) {
        PassRedeemed r = (PassRedeemed) outcome.decided().get(0);
        return new CommandResponse(201, Map.of(), commands.toJson(new VoucherViews.RedemptionView(r.passId(),
                r.orderId(), r.actorId(), r.territory().name(), r.communeInseeCode(), r.redeemedOn(),
                r.faceValueCents(), r.sessionId(), outcome.version())));
    }

    public OrderCommands orders() { return orders; }

    public PassCommands passes() { return passes; }
}
