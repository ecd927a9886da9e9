package fr.hubag.projection.shared;

import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * The {@code next} link of a page: the request's own path and parameters with {@code cursor} set to where the page
 * stopped and {@code page} dropped. Relative (path and query only), so it stays right behind the gateway.
 */
public final class NextLink {

    private NextLink() {}

    /** Null when there is no next page. */
    public static String of(UriInfo uri, Cursor next) {
        if (next == null) {
            return null;
        }
        URI built = uri.getRequestUriBuilder().replaceQueryParam("page").replaceQueryParam("cursor", next.token())
                .build();
        return built.getRawPath() + "?" + built.getRawQuery();
    }
}
