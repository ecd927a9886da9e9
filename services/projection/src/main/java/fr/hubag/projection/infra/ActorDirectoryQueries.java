package fr.hubag.projection.infra;

import fr.hubag.projection.api.DirectoryEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads one directory schema with optional filters: free text on the name, commune, kind, label held on a date. */
@ApplicationScoped
public class ActorDirectoryQueries {

    public record Filter(String text, String commune, String kind, String label, LocalDate labelledOn) {}

    public record Page(long total, List<DirectoryEntry> items) {}

    private final Pool pool;

    public ActorDirectoryQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page> search(String schema, Filter filter, int limit, int offset) {
        String where = """
                 WHERE ($1::text IS NULL OR lower(name) LIKE '%' || lower($1) || '%')
                   AND ($2::text IS NULL OR insee_code = $2 OR lower(commune_name) = lower($2))
                   AND ($3::text IS NULL OR kind = $3)
                   AND ($4::text IS NULL OR EXISTS (
                        SELECT 1 FROM jsonb_array_elements(labels) l
                         WHERE l->>'label' = $4
                           AND (l->>'validFrom')::date <= $5
                           AND (l->>'validUntil' IS NULL OR (l->>'validUntil')::date >= $5)))""";
        // one statement, so the total and the page come from the same snapshot
        Tuple pageParams = Tuple.from(Arrays.asList(filter.text(), filter.commune(), filter.kind(), filter.label(),
                filter.labelledOn(), limit, offset));
        return pool.preparedQuery("SELECT *, count(*) OVER () AS total FROM " + schema + ".actor_directory " + where
                        + " ORDER BY lower(name), actor_id LIMIT $6 OFFSET $7")
                .execute(pageParams).flatMap(rows -> {
                    List<DirectoryEntry> entries = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        entries.add(entry(row));
                        total = row.getLong("total");
                    }
                    if (!entries.isEmpty() || offset == 0) {
                        return Uni.createFrom().item(new Page(total, entries));
                    }
                    // past the last page: the window has no row to carry the total, so count
                    return pool.preparedQuery("SELECT count(*) FROM " + schema + ".actor_directory " + where)
                            .execute(Tuple.from(Arrays.asList(filter.text(), filter.commune(), filter.kind(),
                                    filter.label(), filter.labelledOn())))
                            .map(counted -> new Page(counted.iterator().next().getLong(0), entries));
                });
    }

    private static DirectoryEntry entry(Row row) {
        List<DirectoryEntry.LabelPeriod> labels = new ArrayList<>();
        Object raw = row.getValue("labels");
        JsonArray array = raw instanceof JsonArray a ? a : new JsonArray(String.valueOf(raw));
        for (Object item : array) {
            JsonObject label = (JsonObject) item;
            labels.add(new DirectoryEntry.LabelPeriod(label.getString("label"), label.getString("validFrom"),
                    label.getString("validUntil")));
        }
        return new DirectoryEntry(row.getUUID("actor_id"), row.getString("name"), row.getString("kind"),
                row.getString("territory"),
                new DirectoryEntry.Commune(row.getString("commune_name"), row.getString("insee_code"),
                        row.getString("postcode")),
                row.getString("address"), labels);
    }
}
