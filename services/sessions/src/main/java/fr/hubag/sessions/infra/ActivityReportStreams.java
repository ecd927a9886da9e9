package fr.hubag.sessions.infra;

import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.eventsourcing.command.AggregateType;
import fr.hubag.sessions.domain.ActivityReportCommand;
import fr.hubag.sessions.domain.ActivityReportDecider;
import fr.hubag.sessions.domain.ActivityReportState;

/**
 * How activity reports are stored: stream type {@code activity_report}, one stream per report keyed by its id, in
 * its territory, with the sessions' codec — so {@code ActivityRecorded} is one contract on {@code sessions.events}
 * whichever stream recorded it.
 */
public final class ActivityReportStreams {

    public static final AggregateType<ActivityReportCommand, SessionEvent, ActivityReportState> REPORT =
            new AggregateType<>("activity_report", new ActivityReportDecider(), SessionStreams.CODEC,
                    ActivityReportStreams::territoryOf);

    private ActivityReportStreams() {}

    private static String territoryOf(ActivityReportState state) {
        return switch (state) {
            case ActivityReportState.Recorded recorded -> recorded.activity().territory().name();
            case ActivityReportState.Unrecorded none -> null;
        };
    }
}
