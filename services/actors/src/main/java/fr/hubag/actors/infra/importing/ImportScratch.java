package fr.hubag.actors.infra.importing;

import fr.hubag.actors.domain.PlaceKey;
import fr.hubag.actors.infra.KeyColumns;
import fr.hubag.actors.infra.KeyColumns.Known;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The keys of the rows an import has read so far ({@code import_row_keys}), so that each window of rows is compared
 * with the earlier rows of its file through indexes rather than a list held in memory. Used by dry runs too: these
 * rows are the import's working notes, not the census — they are deleted when the import ends.
 */
@ApplicationScoped
public class ImportScratch {

    private static final Duration WAIT = Duration.ofMinutes(1);

    private final Pool pool;

    public ImportScratch(Pool pool) {
        this.pool = pool;
    }

    /** A row of the file whose keys are noted, by its row number. */
    public record Noted(long row, UUID actorId, String name, PlaceKey key) {}

    public void note(UUID importId, List<Noted> rows) {
        if (rows.isEmpty()) {
            return;
        }
        KeyColumns columns = new KeyColumns();
        List<Long> numbers = new ArrayList<>();
        rows.forEach(r -> {
            columns.add(r.actorId(), r.name(), r.key());
            numbers.add(r.row());
        });
        pool.preparedQuery("INSERT INTO import_row_keys (" + KeyColumns.NAMES + ", row_number, import_id) "
                        + "SELECT *, $9::uuid FROM " + KeyColumns.unnest(1, "bigint"))
                .execute(columns.appendTo(Tuple.tuple()).addArrayOfLong(numbers.toArray(Long[]::new))
                        .addUUID(importId))
                .await().atMost(WAIT);
    }

    /** The earlier rows of the import that are one of these actors or share a key with one of these places. */
    public List<Known> sharingAKey(UUID importId, Collection<UUID> actorIds, Collection<PlaceKey> keys) {
        if (actorIds.isEmpty()) {
            return List.of();
        }
        Tuple params = KeyColumns.lookup(Tuple.tuple().addUUID(importId)
                .addArrayOfUUID(actorIds.toArray(UUID[]::new)), keys);
        return KeyColumns.lookUp(pool, KeyColumns.sharingAKey("import_row_keys", "k.import_id = $1", 3, "row_number")
                        + "\nUNION\nSELECT " + KeyColumns.columns("row_number") + " FROM unnest($2::uuid[]) AS wanted(id)"
                        + " JOIN import_row_keys k ON k.import_id = $1 AND k.actor_id = wanted.id\nORDER BY row_number",
                        params)
                .stream().map(row -> KeyColumns.read(row, row.getLong("row_number"))).toList();
    }

    /** Forgets an import's notes, and those of imports that died more than a day ago. */
    public void forget(UUID importId) {
        pool.preparedQuery("DELETE FROM import_row_keys WHERE import_id = $1 OR created_at < now() - interval '1 day'")
                .execute(Tuple.of(importId)).await().atMost(WAIT);
    }
}
