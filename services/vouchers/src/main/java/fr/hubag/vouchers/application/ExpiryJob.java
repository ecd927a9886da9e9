package fr.hubag.vouchers.application;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.job.Cadence;
import fr.hubag.eventsourcing.job.Period;
import fr.hubag.eventsourcing.job.PeriodicJob;
import fr.hubag.vouchers.infra.OrderLedger;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Daily, per lead territory (a day ends at midnight in its zone): the activated orders whose tolerance has ended
 * expire — their unredeemed passes, then their credit note. The selection is cumulative (every order due by the
 * period's end and not expired yet), so an order missed while the service was down, or refused once, is taken by
 * the next run; the commands' time is the period's end, not the clock, and their keys come from the period.
 */
public record ExpiryJob(Territory territory, LocalDate firstDay, OrderLedger ledger, OrderExpiry expiry)
        implements PeriodicJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    @Override
    public String name() { return "vouchers.expiry." + territory.name(); }

    @Override
    public Cadence cadence() { return Cadence.DAILY; }

    @Override
    public ZoneId zone() { return territory.zone(); }

    @Override
    public Uni<String> run(Period period) {
        Instant end = endOf(period);
        return ledger.dueForExpiry(territory, period.end().minusDays(1))
                .flatMap(ids -> Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id ->
                        expiry.expire(id, end, name(), period::key)).collect().asList())
                .map(this::summary);
    }

    private String summary(List<OrderExpiry.Outcome> outcomes) {
        long passes = outcomes.stream().mapToLong(OrderExpiry.Outcome::passesExpired).sum();
        long closed = outcomes.stream().filter(OrderExpiry.Outcome::closed).count();
        outcomes.stream().filter(o -> o.refusal() != null).forEach(o ->
                LOG.warnf("order %s not expired (%s): the next run tries again", o.orderId(), o.refusal()));
        return "orders " + closed + ", passes " + passes;
    }
}
