package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementIssued;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementPaid;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;
import fr.hubag.vouchers.domain.StatementCommand.Issue;
import fr.hubag.vouchers.domain.StatementCommand.MarkPaid;
import fr.hubag.vouchers.domain.StatementState.Issued;
import fr.hubag.vouchers.domain.StatementState.NoStatement;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The rules of an actor's monthly statement, one stream per actor and month (its id derived from both, so that a
 * month issued twice — by a job run again, or by two instances — finds its statement and records nothing). A
 * statement has at least one line, every line of its month; the amount due is the sum of the lines in cents. It is
 * paid once: the same reference again changes nothing, another is a conflict.
 */
public final class StatementDecider implements Decider<StatementCommand, StatementEvent, StatementState> {

    /** The statement of an actor for a month: a name-based UUID, the same wherever and whenever it is computed. */
    public static UUID statementId(UUID actorId, YearMonth month) {
        return UUID.nameUUIDFromBytes(("vouchers.statement:" + actorId + ":" + month)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public StatementState initialState() {
        return new NoStatement();
    }

    @Override
    public List<StatementEvent> decide(StatementCommand command, StatementState state) {
        return switch (command) {
            case Issue issue -> issue(issue, state);
            case MarkPaid pay -> pay(pay, state);
        };
    }

    @Override
    public StatementState evolve(StatementState state, StatementEvent event) {
        return switch (event) {
            case StatementIssued i -> new Issued(i.statementId(), i.actorId(), i.territory(), i.month(), i.lines(),
                    i.totalCents(), i.occurredAt(), null, null);
            case StatementPaid p -> state instanceof Issued s
                    ? new Issued(s.statementId(), s.actorId(), s.territory(), s.month(), s.lines(), s.totalCents(),
                            s.issuedAt(), p.paymentReference(), p.occurredAt())
                    : state;
        };
    }

    private static List<StatementEvent> issue(Issue issue, StatementState state) {
        if (state instanceof Issued) {
            return List.of();
        }
        if (!issue.statementId().equals(statementId(issue.actorId(), issue.month()))) {
            throw CommandRejected.unprocessable("statement-id-mismatch", "statementId", "the statement of actor "
                    + issue.actorId() + " for " + issue.month() + " is " + statementId(issue.actorId(), issue.month()));
        }
        if (issue.lines().isEmpty()) {
            throw CommandRejected.unprocessable("statement-empty", "lines", "an actor with no redemption in "
                    + issue.month() + " gets no statement");
        }
        long total = 0;
        for (StatementLine line : issue.lines()) {
            if (!YearMonth.from(line.redeemedOn()).equals(issue.month())) {
                throw CommandRejected.unprocessable("line-outside-month", "lines", "pass " + line.passId()
                        + " was redeemed on " + line.redeemedOn() + ", not in " + issue.month());
            }
            total = Math.addExact(total, line.faceValueCents());
        }
        return List.of(new StatementIssued(issue.statementId(), issue.actorId(), issue.territory(), issue.month(),
                issue.lines(), issue.lines().size(), total, issue.at()));
    }

    private static List<StatementEvent> pay(MarkPaid pay, StatementState state) {
        if (!(state instanceof Issued issued)) {
            throw CommandRejected.notFound("statement-not-found", "no statement " + pay.statementId());
        }
        if (issued.paid()) {
            if (issued.paymentReference().equals(pay.paymentReference())) {
                return List.of();
            }
            throw CommandRejected.conflict("statement-already-paid", "this statement was paid on "
                    + issued.paidAt() + " with another reference");
        }
        return List.of(new StatementPaid(issued.statementId(), issued.actorId(), issued.territory(), issued.month(),
                pay.paymentReference(), pay.paidBy(), pay.at()));
    }
}
