package fr.hubag.projection.sessions.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of trajectories in beneficiary id order; {@code next} links the following page (absent on the last). */
@Schema(name = "TrajectoryPage")
public record TrajectoryPage(@Schema(description = "GP, GF, MQ, MF or hub") String territory, int size,
                             List<Trajectory> items,
                             @Schema(description = "the next page's link (path and query), absent on the last")
                             String next) {}
