package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.VoucherEvent.PassDistributed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.PassExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;
import fr.hubag.vouchers.domain.PassCommand.Distribute;
import fr.hubag.vouchers.domain.PassCommand.Expire;
import fr.hubag.vouchers.domain.PassCommand.Redeem;
import fr.hubag.vouchers.domain.PassState.Distributed;
import fr.hubag.vouchers.domain.PassState.Expired;
import fr.hubag.vouchers.domain.PassState.InBooklet;
import fr.hubag.vouchers.domain.PassState.Redeemed;

import java.time.LocalDate;
import java.util.List;

/**
 * The rules of one pass, one stream per pass so that a pass is redeemed at most once: of simultaneous redemptions
 * the first append wins and the kernel decides the others again on the redeemed pass, which answers
 * {@code pass-already-redeemed}. A redemption is accepted only if the order is activated, the pass distributed and
 * not redeemed, the day (in the actor's territory's zone) not past the tolerance, the actor inside the order's
 * perimeter and holding the APTIC label that day. The checks run in that order, so a pass already redeemed says so
 * before anything else. At the end of the tolerance the expiry job expires every pass not redeemed, on the same
 * stream: a redemption and the expiry racing on a pass are one append against another, so a pass ends redeemed or
 * expired, never both; once expired, it answers {@code pass-expired} to a distribution or a redemption.
 */
public final class PassDecider implements Decider<PassCommand, PassEvent, PassState> {

    @Override
    public PassState initialState() {
        return new InBooklet();
    }

    @Override
    public List<PassEvent> decide(PassCommand command, PassState state) {
        if (command instanceof Expire expire) {
            return expire(expire, state);
        }
        if (!command.terms().activated()) {
            throw CommandRejected.conflict("order-not-activated", "order " + command.terms().orderId()
                    + " is not activated yet: its passes are not usable");
        }
        if (state instanceof Redeemed redeemed) {
            throw CommandRejected.conflict("pass-already-redeemed", "this pass was redeemed on "
                    + redeemed.redeemedOn());
        }
        if (state instanceof Expired expired) {
            throw CommandRejected.conflict("pass-expired", "this pass expired unredeemed after "
                    + expired.acceptedUntil());
        }
        return switch (command) {
            case Distribute distribute -> distribute(distribute, state);
            case Redeem redeem -> redeem(redeem, state);
            case Expire expire -> expire(expire, state);
        };
    }

    @Override
    public PassState evolve(PassState state, PassEvent event) {
        return switch (event) {
            case PassDistributed d -> new Distributed(d.passId(), d.territory(), d.beneficiaryId(), d.distributorId());
            case PassRedeemed r -> state instanceof Distributed d
                    ? new Redeemed(r.passId(), d.territory(), d.beneficiaryId(), r.actorId(), r.redeemedOn())
                    : state;
            case PassExpired e -> new Expired(e.passId(), e.territory(), e.distributed(), e.acceptedUntil());
        };
    }

    /** Every pass not redeemed (distributed or not) expires once the tolerance ended everywhere; once. */
    private static List<PassEvent> expire(Expire command, PassState state) {
        OrderTerms terms = command.terms();
        if (command.at().isBefore(terms.toleranceEnd())) {
            throw CommandRejected.conflict("pass-not-expired", "this pass is accepted until " + terms.acceptedUntil()
                    + " (the tolerance ends at " + terms.toleranceEnd() + ")");
        }
        if (state instanceof Redeemed || state instanceof Expired) {
            return List.of();
        }
        return List.of(new PassExpired(command.passId(), terms.orderId(), terms.territory(), command.booklet(),
                state instanceof Distributed, terms.faceValueCents(), terms.acceptedUntil(), command.at()));
    }

    private static List<PassEvent> distribute(Distribute command, PassState state) {
        if (state instanceof Distributed distributed) {
            if (distributed.beneficiaryId().equals(command.beneficiaryId())) {
                return List.of();
            }
            throw CommandRejected.conflict("pass-already-distributed", "this pass was handed to someone else");
        }
        OrderTerms terms = command.terms();
        LocalDate today = command.at().atZone(terms.territory().zone()).toLocalDate();
        if (today.isAfter(terms.acceptedUntil())) {
            throw CommandRejected.conflict("pass-expired", "this pass expired on " + terms.acceptedUntil());
        }
        if (!today.isBefore(terms.lateDistributionFrom()) && !terms.lateDistributionConfirmed()) {
            throw CommandRejected.conflict("late-distribution-not-confirmed", "from " + terms.lateDistributionFrom()
                    + ", " + OrderTerms.LATE_DISTRIBUTION_DAYS + " days before the passes' validity end, they are "
                    + "handed out only once the funder confirms it");
        }
        return List.of(new PassDistributed(command.passId(), terms.orderId(), terms.territory(), command.booklet(),
                command.distributorId(), command.beneficiaryId(), command.ageBand(), command.communeInseeCode(),
                command.at()));
    }

    private static List<PassEvent> redeem(Redeem command, PassState state) {
        if (state instanceof InBooklet) {
            throw CommandRejected.conflict("pass-not-distributed", "this pass was not handed to a beneficiary");
        }
        OrderTerms terms = command.terms();
        ActorFacts actor = command.actor();
        if (!actor.known()) {
            throw CommandRejected.unprocessable("actor-unknown", "actorId", "actor " + actor.actorId()
                    + " is not (yet) known from the census");
        }
        LocalDate day = command.at().atZone(actor.territory().zone()).toLocalDate();
        if (day.isAfter(terms.acceptedUntil())) {
            throw CommandRejected.conflict("pass-expired", "this pass was accepted until " + terms.acceptedUntil());
        }
        if (!terms.perimeter().covers(actor.territory(), actor.communeInseeCode())) {
            throw CommandRejected.unprocessable("outside-perimeter", "actorId", "actor " + actor.actorId() + " ("
                    + actor.communeInseeCode() + ") is outside the order's perimeter");
        }
        if (actor.isClosedOn(day)) {
            throw CommandRejected.unprocessable("actor-closed", "actorId", "actor " + actor.actorId()
                    + " is closed since " + actor.closedOn());
        }
        if (!actor.heldApticOn(day)) {
            throw CommandRejected.unprocessable("actor-not-labelled", "actorId", "actor " + actor.actorId()
                    + " does not hold the APTIC label on " + day);
        }
        return List.of(new PassRedeemed(command.passId(), terms.orderId(), actor.actorId(), actor.territory(),
                actor.communeInseeCode(), day, terms.faceValueCents(), command.sessionId(), command.at()));
    }
}
