package fr.hubag.projection.sessions.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Map;

/**
 * Activity statistics of a scope over a range of local dates, in the national mediators' tool's shape: counts only.
 * Every code of each vocabulary is present (0 when none). An activity with two themes counts under both, so the
 * themes add up to more than the total.
 */
@Schema(name = "ActivityStatistics")
public record ActivityStats(@Schema(description = "GP, GF, MQ, MF or hub") String territory, LocalDate from,
                            LocalDate to, Activities activities, Participants participants,
                            AttendanceRates attendance) {

    @Schema(name = "ActivityCounts")
    public record Activities(long total,
                             @Schema(description = "individuel, collectif") Map<String, Long> byType,
                             @Schema(description = "by theme code") Map<String, Long> byTheme,
                             @Schema(description = "lieu_activite, domicile, a_distance, autre")
                             Map<String, Long> byPlaceType,
                             @Schema(description = "minutes: 0-30 (< 30), 30-60, 60-120, 120+ (>= 120); each range "
                                     + "includes its lower bound") Map<String, Long> byDuration) {}

    @Schema(name = "ParticipantCounts")
    public record Participants(@Schema(description = "named + anonymous") long total, long named, long anonymous,
                               @Schema(description = "anonymous people already accompanied before")
                               long alreadyAccompanied,
                               @Schema(description = "named people by their record's age band, plus the anonymous "
                                       + "counts; non_communique when not known") Map<String, Long> byAgeBand,
                               Map<String, Long> bySocialStatus, Map<String, Long> byGender) {}

    @Schema(name = "AttendanceRates")
    public record AttendanceRates(@Schema(description = "collective and individual sessions completed in the range")
                                  long sessionsCompleted,
                                  @Schema(description = "participants of those sessions (with an attendance)")
                                  long participants,
                                  @Schema(description = "unknown, seen, excused, revoked, noshow")
                                  Map<String, Long> byAttendance,
                                  @Schema(description = "seen / participants, 0 to 1; absent without participants")
                                  Double attendanceRate,
                                  @Schema(description = "noshow / participants, 0 to 1; absent without participants")
                                  Double noShowRate) {}
}
