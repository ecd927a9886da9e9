package fr.hubag.projection.sessions.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A page of the agenda, in start order; {@code next} links the following page (absent on the last). */
@Schema(name = "AgendaPage")
public record AgendaPage(@Schema(description = "GP, GF, MQ, MF or hub") String territory, LocalDate from,
                         LocalDate to, int size, List<AgendaItem> items,
                         @Schema(description = "the next page's link (path and query), absent on the last")
                         String next) {}
