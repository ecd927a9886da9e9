package fr.hubag.projection.sessions.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a keyset listing, from a query that asked for one row more than the page holds: that extra row only says
 * that a next page exists, which then starts after the page's last row.
 */
final class Keyset {

    private Keyset() {}

    static <T> Page<T> page(RowSet<Row> rows, int size, Function<Row, T> item, Function<T, Cursor> cursorAfter) {
        List<T> items = new ArrayList<>();
        for (Row row : rows) {
            items.add(item.apply(row));
        }
        Cursor next = null;
        if (items.size() > size) {
            items.removeLast();
            next = cursorAfter.apply(items.getLast());
        }
        return new Page<>(items, next);
    }
}
