package fr.hubag.projection;

import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.PlaceType;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantEnrolled;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantPromoted;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantWaitlisted;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantWithdrew;
import fr.hubag.contracts.sessions.SessionEvent.SessionCancelled;
import fr.hubag.contracts.sessions.SessionEvent.SessionRescheduled;
import fr.hubag.contracts.sessions.SessionEvent.SessionScheduled;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.projection.sessions.projector.SessionsProjector;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.ApplyAgain;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.projection.support.SessionStream;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static fr.hubag.projection.support.Sessions.AT;
import static fr.hubag.projection.support.Sessions.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * The agenda of upcoming workshops: given sessions events, when the agenda is asked, then the answer. Each test has
 * dates of its own in 2031 (the database and topic are shared with the other tests).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class AgendaProjectionTest {

    @Inject
    Pool pool;
    @Inject
    SessionsProjector projector;
    @Inject
    Generations generations;

    @Test
    void nineOClockInCayenneAndInFortDeFranceAreAnHourApartAndEachKeepsItsLocalDate() {
        SessionStream cayenne = SessionStream.session("GF");
        cayenne.publish(workshop(cayenne, "GF", "Cayenne 9h", Venue.inCommune("97302"), List.of(Theme.EMAIL),
                Level.DEBUTANT, LocalDateTime.parse("2031-03-11T09:00"), 10));
        SessionStream fortDeFrance = SessionStream.session("MQ");
        fortDeFrance.publish(workshop(fortDeFrance, "MQ", "Fort-de-France 9h", Venue.inCommune("97209"),
                List.of(Theme.EMAIL), Level.DEBUTANT, LocalDateTime.parse("2031-03-11T09:00"), 10));
        SessionStream evening = SessionStream.session("GF"); // 21:30 in Cayenne is 00:30 the next day in UTC
        evening.publish(workshop(evening, "GF", "Cayenne 21h30", Venue.inCommune("97302"), List.of(Theme.EMAIL),
                null, LocalDateTime.parse("2031-03-11T21:30"), 10));

        ValidatableResponse hub = await("/hub/sessions/agenda?from=2031-03-11&to=2031-03-11",
                r -> r.extract().path("items.size()").equals(3));
        hub.statusCode(200).body("territory", equalTo("hub"))
                .body("items.title", contains("Cayenne 9h", "Fort-de-France 9h", "Cayenne 21h30"))
                .body("items.startsAt", contains("2031-03-11T12:00:00Z", "2031-03-11T13:00:00Z",
                        "2031-03-12T00:30:00Z"))
                .body("items.localStart", contains("2031-03-11T09:00", "2031-03-11T09:00", "2031-03-11T21:30"))
                .body("items.localDate", contains("2031-03-11", "2031-03-11", "2031-03-11"))
                .body("items.zone", contains("America/Cayenne", "America/Martinique", "America/Cayenne"))
                .body("items.territory", contains("GF", "MQ", "GF"));
        get("/territories/GF/sessions/agenda?from=2031-03-11&to=2031-03-11").statusCode(200)
                .body("territory", equalTo("GF")).body("items.title", contains("Cayenne 9h", "Cayenne 21h30"));
        // the evening workshop is on the 11th in Guyane although the 12th in UTC
        get("/territories/GF/sessions/agenda?from=2031-03-12&to=2031-03-12").statusCode(200)
                .body("items.size()", equalTo(0));
        get("/territories/MQ/sessions/agenda?from=2031-03-11&to=2031-03-11").statusCode(200)
                .body("items.title", contains("Fort-de-France 9h"));
    }

    @Test
    void aFullWorkshopShowsNoFreeSeatThenOneAfterAWithdrawal() {
        SessionStream session = SessionStream.session("GP");
        session.publish(workshop(session, "GP", "Deux places", Venue.inCommune("97120"), List.of(Theme.SANTE),
                Level.AVANCE, LocalDateTime.parse("2031-04-08T14:00"), 2));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        session.publish(new ParticipantEnrolled(session.id(), first, AT));
        session.publish(new ParticipantEnrolled(session.id(), second, AT));
        session.publish(new ParticipantWaitlisted(session.id(), third, 1, AT));
        String path = "/territories/GP/sessions/agenda?from=2031-04-08&to=2031-04-08";
        await(path, r -> r.extract().path("items[0].waiting").equals(1)).statusCode(200)
                .body("items[0].capacity", equalTo(2)).body("items[0].enrolled", equalTo(2))
                .body("items[0].freeSeats", equalTo(0)).body("items[0].waiting", equalTo(1));

        // a seat freed while someone waits is taken at once: still full
        session.publish(new ParticipantWithdrew(session.id(), first, AT));
        session.publish(new ParticipantPromoted(session.id(), third, AT));
        await(path, r -> r.extract().path("items[0].waiting").equals(0)).body("items[0].enrolled", equalTo(2))
                .body("items[0].freeSeats", equalTo(0));

        session.publish(new ParticipantWithdrew(session.id(), second, AT));
        await(path, r -> r.extract().path("items[0].freeSeats").equals(1)).body("items[0].enrolled", equalTo(1))
                .body("items[0].waiting", equalTo(0));

        // the same events applied again change nothing
        String before = get(path).extract().asString();
        ApplyAgain.sessions(pool, projector, generations, session.published());
        assertThat(get(path).extract().asString()).isEqualTo(before);
        // no participant is ever named
        assertThat(before).doesNotContain(first.toString(), second.toString(), third.toString());
    }

    @Test
    void aCancelledWorkshopLeavesTheAgendaAndARescheduledOneMoves() {
        SessionStream kept = SessionStream.session("MF");
        kept.publish(workshop(kept, "MF", "Maintenu", Venue.inCommune("97801"), List.of(Theme.EMAIL), null,
                LocalDateTime.parse("2031-05-06T09:00"), 12));
        SessionStream cancelled = SessionStream.session("MF");
        cancelled.publish(workshop(cancelled, "MF", "Annulé", Venue.inCommune("97801"), List.of(Theme.EMAIL), null,
                LocalDateTime.parse("2031-05-06T10:00"), 12));
        SessionStream moved = SessionStream.session("MF");
        moved.publish(workshop(moved, "MF", "Déplacé", Venue.inCommune("97801"), List.of(Theme.EMAIL), null,
                LocalDateTime.parse("2031-05-06T11:00"), 12));
        SessionStream individual = SessionStream.session("MF"); // an accompaniment is not a workshop
        SessionScheduled plan = workshop(individual, "MF", null, Venue.of(PlaceType.A_DISTANCE),
                List.of(Theme.EMAIL), null, LocalDateTime.parse("2031-05-06T08:00"), 1);
        individual.publish(new SessionScheduled(plan.sessionId(), plan.territory(), plan.actorId(),
                SessionType.INDIVIDUEL, null, plan.themes(), null, plan.venue(), plan.mediatorId(), null,
                plan.localStart(), plan.zone(), plan.startsAt(), 60, 1, AT));
        String day = "/territories/MF/sessions/agenda?from=2031-05-06&to=2031-05-06";
        await(day, r -> r.extract().path("items.size()").equals(3))
                .body("items.title", contains("Maintenu", "Annulé", "Déplacé"));

        cancelled.publish(new SessionCancelled(cancelled.id(), "Salle indisponible", AT));
        LocalDateTime later = LocalDateTime.parse("2031-05-20T15:30");
        moved.publish(new SessionRescheduled(moved.id(), later, later.atZone(java.time.ZoneId.of("America/Marigot"))
                .toInstant(), 90, AT));
        await(day, r -> r.extract().path("items.size()").equals(1)).body("items.title", contains("Maintenu"));
        get("/hub/sessions/agenda?from=2031-05-20&to=2031-05-20").statusCode(200)
                .body("items.title", contains("Déplacé")).body("items[0].localStart", equalTo("2031-05-20T15:30"))
                .body("items[0].startsAt", equalTo("2031-05-20T19:30:00Z"))
                .body("items[0].durationMinutes", equalTo(90));
    }

    @Test
    void filtersByCommuneThemeAndLevelAndPagesInStartOrder() {
        ActorStream place = ActorStream.create("GF"); // a census place in Cayenne (97302)
        place.publish("ActorRegistered", Events.registered(place, Places.place("GF", "Agenda " + Api.tag())));
        await("/territories/GF/actors/" + place.id(), r -> r.extract().statusCode() == 200);
        SessionStream atPlace = SessionStream.session("GF");
        atPlace.publish(workshop(atPlace, "GF", "Au lieu", Venue.atActor(place.id()), List.of(Theme.EMAIL),
                Level.DEBUTANT, LocalDateTime.parse("2031-06-10T09:00"), 8));
        SessionStream kourou = SessionStream.session("GF");
        kourou.publish(workshop(kourou, "GF", "A Kourou", Venue.inCommune("97304"), List.of(Theme.SANTE),
                Level.AVANCE, LocalDateTime.parse("2031-06-10T10:00"), 8));
        SessionStream remote = SessionStream.session("GF");
        remote.publish(workshop(remote, "GF", "A distance", Venue.of(PlaceType.A_DISTANCE),
                List.of(Theme.EMAIL, Theme.SANTE), Level.INTERMEDIAIRE, LocalDateTime.parse("2031-06-10T11:00"), 8));
        String day = "/territories/GF/sessions/agenda?from=2031-06-10&to=2031-06-10";
        await(day, r -> r.extract().path("items.size()").equals(3));

        get(day + "&commune=97302").body("items.title", contains("Au lieu"))
                .body("items[0].communeInseeCode", equalTo("97302"))
                .body("items[0].placeActorId", equalTo(place.id().toString()));
        get(day + "&commune=97304").body("items.title", contains("A Kourou"));
        get(day + "&theme=email").body("items.title", contains("Au lieu", "A distance"));
        get(day + "&theme=sante&level=avance").body("items.title", contains("A Kourou"));
        get(day + "&level=intermediaire").body("items.title", contains("A distance"))
                .body("items[0].communeInseeCode", nullValue());

        ValidatableResponse page = get(day + "&size=1").statusCode(200).body("items.title", contains("Au lieu"));
        String next = page.extract().path("next");
        page = Api.as(null).get(next).then().statusCode(200).body("items.title", contains("A Kourou"));
        next = page.extract().path("next");
        Api.as(null).get(next).then().statusCode(200).body("items.title", contains("A distance"))
                .body("next", nullValue());
    }

    @Test
    void theAgendaIsOpenDataAndBadParametersAreNamed() {
        for (String token : new String[] {null, TestTokens.of("partner", "GP"), TestTokens.of("analyst", "MQ"),
                TestTokens.coordinator("GF"), TestTokens.of("mediator", "MF"), TestTokens.hubAdmin()}) {
            Api.get(token, "/territories/GP/sessions/agenda").statusCode(200);
            Api.get(token, "/hub/sessions/agenda").statusCode(200);
        }
        get("/territories/GP/sessions/agenda?theme=cuisine&level=expert&from=2031-13-01&size=0&cursor=nope"
                + "&commune=Cayenne").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("theme", "level", "from", "size", "cursor", "commune"));
        get("/territories/GP/sessions/agenda?from=2031-02-02&to=2031-02-01").statusCode(400)
                .body("errors.field", contains("to"));
        get("/territories/XX/sessions/agenda").statusCode(400);
    }
}
