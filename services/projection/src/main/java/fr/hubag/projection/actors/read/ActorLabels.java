package fr.hubag.projection.actors.read;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The labels one actor holds on a day. */
public record ActorLabels(UUID actorId, LocalDate on, List<LabelPeriod> labels) {}
