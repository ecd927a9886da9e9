package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.SessionEvent.SessionScheduled;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.Territory;
import fr.hubag.sessions.domain.SessionCommand.ScheduleSession;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** Sessions as the decider tests need them: a 20-seat workshop in Cayenne, an individual session in Martinique. */
final class Sessions {

    static final UUID SESSION = UUID.fromString("0b8f5d2e-4c1a-4f6e-9a3b-7d2c1e0f9a41");
    static final UUID ACTOR = UUID.fromString("3f6c2a1e-8b4d-4c7a-9e15-2d0b7a4c9f61");
    static final UUID MEDIATOR = UUID.fromString("9c2e7b14-5d3a-4f81-a6e0-2b9d8c7f1e53");
    static final LocalDateTime NINE_AM = LocalDateTime.parse("2026-12-01T09:00");
    static final Instant PLANNED = Instant.parse("2026-11-20T14:00:00Z");

    private Sessions() {}

    static Plan workshop() {
        return new Plan(SessionType.COLLECTIF, "Premiers pas sur smartphone",
                List.of(Theme.PRENDRE_EN_MAIN_DU_MATERIEL, Theme.EMAIL), Level.DEBUTANT, Venue.atActor(ACTOR),
                MEDIATOR, "Conseillers numériques");
    }

    static Plan individual(Venue venue) {
        return new Plan(SessionType.INDIVIDUEL, null, List.of(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES), null, venue,
                MEDIATOR, null);
    }

    static ScheduleSession schedule(Territory territory, Plan plan, int capacity) {
        return new ScheduleSession(SESSION, territory, ACTOR, plan, NINE_AM, 120, capacity, PLANNED);
    }

    /** The 20-seat workshop at 09:00 in Cayenne (12:00 UTC) as scheduled. */
    static SessionScheduled workshopInCayenne(int capacity) {
        Plan plan = workshop();
        return new SessionScheduled(SESSION, Territory.GF, ACTOR, plan.type(), plan.title(), plan.themes(),
                plan.level(), plan.venue(), MEDIATOR, plan.programme(), NINE_AM, "America/Cayenne",
                Instant.parse("2026-12-01T12:00:00Z"), 120, capacity, PLANNED);
    }

    static UUID beneficiary(int n) {
        return UUID.nameUUIDFromBytes(("beneficiary-" + n).getBytes());
    }
}
