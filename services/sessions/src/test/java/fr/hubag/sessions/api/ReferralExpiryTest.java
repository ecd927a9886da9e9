package fr.hubag.sessions.api;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.job.JobRunner;
import fr.hubag.eventsourcing.job.Period;
import fr.hubag.sessions.application.ReferralExpiryJob;
import fr.hubag.sessions.application.ReferralExpirySchedule;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static fr.hubag.sessions.api.ReferralsTestSupport.REFERRALS;
import static fr.hubag.sessions.api.ReferralsTestSupport.partner;
import static fr.hubag.sessions.api.ReferralsTestSupport.submit;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The expiry of unanswered referrals through the kernel's job runner, with a clock 32 days ahead: the unanswered one
 * expires, the accepted one stays; a second catch-up runs nothing; a catch-up after losing the run marks (a crash
 * before the mark) runs the days again and records nothing new.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class ReferralExpiryTest {

    @Inject
    JobRunner runner;
    @Inject
    ReferralExpirySchedule schedule;
    @Inject
    Pool pool;

    @Test
    void anUnansweredReferralExpiresOnceWhateverTheRuns() {
        String partner = partner("france-travail-gf");
        String unanswered = submit(partner);
        String accepted = submit(partner);
        as(TestTokens.coordinator("GF")).post(REFERRALS + "/" + accepted + "/accept").then().statusCode(200);

        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(32));
        ReferralExpiryJob job = schedule.job(Territory.GF, LocalDate.now(Territory.GF.zone()).plusDays(30));
        List<Period> ran = runner.catchUp(job, later).await().atMost(Duration.ofSeconds(30));
        assertThat(ran).hasSize(2);

        as(partner).get(REFERRALS + "/" + unanswered).then().statusCode(200).body("status", equalTo("expired"))
                .body("version", equalTo(2));
        as(partner).get(REFERRALS + "/" + accepted).then().statusCode(200).body("status", equalTo("accepted"));
        assertThat(runner.catchUp(job, later).await().atMost(Duration.ofSeconds(30))).isEmpty();

        pool.preparedQuery("DELETE FROM es_job_runs WHERE job = $1").execute(Tuple.of(job.name()))
                .await().atMost(Duration.ofSeconds(10));
        long events = count();
        assertThat(runner.catchUp(job, later).await().atMost(Duration.ofSeconds(30))).hasSize(2);
        assertThat(count()).isEqualTo(events);
        as(partner).get(REFERRALS + "/" + unanswered).then().body("version", equalTo(2));
        assertThat(schedule.afterDays()).isEqualTo(30);
    }

    private long count() {
        return pool.query("SELECT count(*) FROM es_events WHERE event_type = 'ReferralExpired'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
