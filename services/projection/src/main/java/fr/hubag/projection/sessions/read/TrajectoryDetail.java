package fr.hubag.projection.sessions.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A trajectory and its activities in time order: autonomy over time. */
@Schema(name = "TrajectoryDetail")
public record TrajectoryDetail(Trajectory trajectory, List<TrajectoryStep> steps) {}
