package fr.hubag.projection.shared;

import jakarta.ws.rs.core.UriInfo;

import java.util.function.Predicate;

/**
 * How a listing of the sessions and vouchers read models is paged: {@code size} (1 to {@link QueryParams#MAX_SIZE},
 * 50 by default) and {@code cursor} (one of this listing's, as the previous page's next link gave it), read with the
 * request's other parameters so that one 400 names every faulty one; and the next link of the page read with it.
 * Who may read the listing stays each endpoint's own.
 */
public record Paging(int size, Cursor after, UriInfo uri) {

    public static Paging of(QueryParams params, String size, String cursor, Predicate<Cursor> ofThisListing,
                            UriInfo uri) {
        return new Paging(params.integer("size", size, 50, 1, QueryParams.MAX_SIZE),
                params.cursor("cursor", cursor, ofThisListing), uri);
    }

    /** The next link of a page read with this paging (null: it was the last). */
    public String next(Page<?> page) {
        return NextLink.of(uri, page.next());
    }
}
