package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;

/** An activity report as its events make it: not yet recorded, or recorded (its last version). */
public sealed interface ActivityReportState {

    record Unrecorded() implements ActivityReportState {}

    record Recorded(ActivityRecorded activity) implements ActivityReportState {}
}
