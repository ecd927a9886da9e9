package fr.hubag.sessions.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.Race;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.enrolment;
import static fr.hubag.sessions.api.SessionsTestSupport.schedule;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: 64 simultaneous enrolments — real concurrent HTTP requests — into a 20-seat workshop give exactly 20
 * enrolled and 44 waiting, and every caller a 2xx answer saying which (a lost race is decided again on the new
 * state, so nobody gets a conflict). Prints the rate it measured.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class ConcurrentEnrolmentsTest {

    @Test
    void sixtyFourSimultaneousEnrolmentsIntoTwentySeatsGiveTwentyEnrolledAndFortyFourWaiting() throws Exception {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        double cold = race(mediator, "2030-02-01T09:00");
        double warm = race(mediator, "2030-02-02T09:00");
        System.out.printf("64 concurrent enrolments into one 20-seat workshop: first %.2f s (%.0f/s), "
                + "second workshop %.2f s (%.0f enrolments/s)%n", cold, 64 / cold, warm, 64 / warm);
    }

    /** Schedules a 20-seat workshop, enrols 64 at once, checks every answer and the session; returns the seconds. */
    private static double race(String mediator, String start) throws Exception {
        String id = schedule(mediator, workshop("GF", start, 20));
        List<UUID> beneficiaries = IntStream.range(0, 64).mapToObj(i -> UUID.randomUUID()).toList();

        long started = System.nanoTime();
        List<Object> answers = Race.of(64, caller -> as(mediator).body(enrolment(beneficiaries.get(caller)))
                .post("/api/sessions/" + id + "/enrolments"));
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Response> responses = answers.stream().map(answer -> {
            if (answer instanceof Exception e) {
                throw new AssertionError("a caller got no answer", e);
            }
            return (Response) answer;
        }).toList();

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(201));
        assertThat(responses).filteredOn(r -> "enrolled".equals(r.path("status"))).hasSize(20);
        List<Integer> positions = responses.stream().filter(r -> "waiting".equals(r.path("status")))
                .map(r -> (Integer) r.path("waitingPosition")).sorted().toList();
        assertThat(positions).isEqualTo(IntStream.rangeClosed(1, 44).boxed().toList());

        Response session = as(mediator).get("/api/sessions/" + id);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.header("ETag")).isEqualTo("\"65\"");
        List<String> enrolled = session.path("enrolled");
        List<String> waiting = session.path("waiting");
        assertThat(enrolled).hasSize(20).doesNotHaveDuplicates();
        assertThat(waiting).hasSize(44).doesNotHaveDuplicates().doesNotContainAnyElementsOf(enrolled);
        return seconds;
    }
}
