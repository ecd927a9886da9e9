package fr.hubag.projection.actors.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a directory search: how many places match (counted up to a cap), the page asked, its size, its items
 * and the link to the next one.
 */
public record DirectoryPage(@Schema(description = "matching places, counted up to 1000; see totalCapped") long total,
                            @Schema(description = "true when more places than total match: counting stopped there")
                            boolean totalCapped,
                            @Schema(description = "the page number asked (0 when the page was asked by cursor)")
                            int page, int size, List<PlaceSummary> items,
                            @Schema(nullable = true, description = "path and query of the next page (cursor-based); "
                                    + "null on the last page") String next) {}
