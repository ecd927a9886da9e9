package fr.hubag.projection.actors.read;

import java.util.List;

/** One page of a directory search: the number of matching places, the page asked (0-based), its size and items. */
public record DirectoryPage(long total, int page, int size, List<PlaceSummary> items) {}
