package fr.hubag.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.vouchers.infra.Census;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static fr.hubag.vouchers.api.ExpiryJobTest.orderUntil;
import static fr.hubag.vouchers.api.ExpiryRuns.endOf;
import static fr.hubag.vouchers.api.VouchersTestSupport.activate;
import static fr.hubag.vouchers.api.VouchersTestSupport.as;
import static fr.hubag.vouchers.api.VouchersTestSupport.booklet;
import static fr.hubag.vouchers.api.VouchersTestSupport.codes;
import static fr.hubag.vouchers.api.VouchersTestSupport.partner;
import static fr.hubag.vouchers.api.VouchersTestSupport.quote;
import static fr.hubag.vouchers.api.VouchersTestSupport.redemption;
import static fr.hubag.vouchers.api.VouchersTestSupport.unique;
import static org.hamcrest.Matchers.equalTo;

/**
 * What expiring the largest order costs: an order of 10 000 passes (1 000 booklets of 10), 500 handed out and 100
 * redeemed, expired by the job — 9 900 PassExpired in 40 transactions, then the credit note. Prints the job's time,
 * the events per second and the events' size. {@code ./mvnw -B -o -q verify -pl services/vouchers -am
 * -Dtest=ExpiryBenchmark -Dhub.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class ExpiryBenchmark {

    @Inject
    ExpiryRuns runs;
    @Inject
    Census census;

    @Test
    void expiringAnOrderOfTenThousandPasses() {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        String caf = unique("caf-978");
        String funder = partner(caf, "MF");
        LocalDate today = LocalDate.now(Territory.MF.zone());
        long quoting = System.nanoTime();
        String orderId = quote(funder, orderUntil("MF", 1000, 10, today, caf));
        double quoteSeconds = (System.nanoTime() - quoting) / 1e9;
        activate(funder, orderId);
        UUID actor = UUID.randomUUID();
        CensusFeed.registered(actor, "MF", "97801");
        CensusFeed.aptic(actor, "MF", LocalDate.of(2026, 1, 1), null);
        CensusFeed.awaitFacts(census, actor, f -> !f.aptic().isEmpty());
        String mediator = TestTokens.mediatorAt("MF", actor.toString());
        for (int b = 1; b <= 50; b++) {
            as(funder).body(booklet(orderId, b, UUID.randomUUID())).post("/api/vouchers/distributions").then()
                    .statusCode(201);
            if (b % 5 == 0) {
                for (String code : codes(funder, orderId, b)) {
                    as(mediator).body(redemption(code, actor)).post("/api/vouchers/redemptions").then()
                            .statusCode(201);
                }
            }
        }

        runs.forget(Territory.MF);
        LocalDate acceptedUntil = today.plusMonths(1);
        long started = System.nanoTime();
        runs.at(Territory.MF, acceptedUntil, endOf(acceptedUntil, Territory.MF).plusSeconds(1));
        double seconds = (System.nanoTime() - started) / 1e9;
        as(funder).get("/api/vouchers/credit-notes/" + orderId).then().statusCode(200)
                .body("reconciliation.expired.passes", equalTo(9_900))
                .body("reconciliation.expiredUndistributed.passes", equalTo(9_500))
                .body("creditedCents", equalTo(9_900_000)).body("reconciliation.paidCents", equalTo(10_400_000));
        var sizes = runs.pool().preparedQuery("""
                SELECT count(*), avg(octet_length(payload::text)) FROM es_events
                 WHERE event_type = 'PassExpired' AND payload ->> 'orderId' = $1""").execute(Tuple.of(orderId))
                .await().atMost(Duration.ofSeconds(30)).iterator().next();
        System.out.printf("expiry of an order of 10 000 passes (500 handed out, 100 redeemed): %.2f s for %d "
                        + "PassExpired (%.0f events/s, %.0f bytes each) and the credit note; quoting it took %.2f s%n",
                seconds, sizes.getLong(0), sizes.getLong(0) / seconds, sizes.getNumeric(1).doubleValue(),
                quoteSeconds);
    }
}
