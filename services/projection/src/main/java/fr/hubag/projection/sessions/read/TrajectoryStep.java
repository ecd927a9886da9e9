package fr.hubag.projection.sessions.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One activity of a trajectory, in time order: when, what, and how autonomous the person left it. */
@Schema(name = "TrajectoryStep")
public record TrajectoryStep(@Schema(description = "the activity (a report's id, or the session's)") UUID activityId,
                             @Schema(description = "report or session") String origin,
                             @Schema(description = "individuel or collectif") String type,
                             @Schema(description = "local date in the territory") LocalDate date,
                             int durationMinutes, List<String> themes,
                             @Schema(description = "entierement_accompagne, partiellement_autonome, autonome; "
                                     + "absent when not assessed") String autonomy) {}
