package fr.hubag.projection.api;

import java.util.List;

/** One page of a directory: which view it is ({@code GP}…{@code MF} or {@code hub}), the total and the entries. */
public record DirectoryPage(String view, long total, int limit, int offset, List<DirectoryEntry> items) {}
