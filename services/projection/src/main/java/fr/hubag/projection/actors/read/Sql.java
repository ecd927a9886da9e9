package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SQL pieces every read model shares, so "holds label L on D" has one definition: a grant covers D when it started
 * on or before D and has not ended before D (bounds inclusive, no end = open-ended). An actor holding a label
 * through two grants (its own and one carried by a merge) shows it once, with the grant lasting longest.
 */
final class Sql {

    /** What the place endpoints show of a {@code places p} row (not the search columns). */
    static final String PLACE_COLUMNS = "p.actor_id, p.territory, p.name, p.typologies, p.commune_name, "
            + "p.insee_code, p.postcode, p.address, p.latitude, p.longitude, p.services, p.publics, p.access_modes, "
            + "p.support_modes, p.fees, p.programmes, p.place, p.closed_on";

    private Sql() {}

    /** The grant {@code alias} covers the day given by the SQL expression {@code day}. */
    static String held(String alias, String day) {
        return alias + ".valid_from <= " + day + " AND (" + alias + ".valid_until IS NULL OR " + alias
                + ".valid_until >= " + day + ")";
    }

    /** A json array of {label, validFrom, validUntil}: the labels actor {@code p} holds on {@code day}. */
    static String labelsHeld(Scope scope, String day) {
        return "(SELECT coalesce(json_agg(json_build_object('label', h.label, 'validFrom', h.valid_from, "
                + "'validUntil', h.valid_until) ORDER BY h.label), '[]'::json) FROM ("
                + coveringGrants(scope, "p.actor_id", day) + ") h)";
    }

    /** One row per label the actor holds on the day: label, valid_from, valid_until of the longest grant. */
    static String coveringGrants(Scope scope, String actor, String day) {
        return "SELECT DISTINCT ON (g.label) g.label, g.valid_from, g.valid_until FROM "
                + scope.table("label_grants") + " g WHERE g.actor_id = " + actor + " AND " + held("g", day)
                + " ORDER BY g.label, g.valid_until DESC NULLS FIRST";
    }

    static List<LabelPeriod> labelPeriods(Object json) {
        JsonArray array = json == null ? new JsonArray()
                : json instanceof JsonArray a ? a : new JsonArray(String.valueOf(json));
        List<LabelPeriod> labels = new ArrayList<>(array.size());
        for (Object item : array) {
            JsonObject label = (JsonObject) item;
            labels.add(new LabelPeriod(label.getString("label"), date(label.getString("validFrom")),
                    date(label.getString("validUntil"))));
        }
        return labels;
    }

    static Commune commune(Row row) {
        return new Commune(row.getString("commune_name"), row.getString("insee_code"), row.getString("postcode"));
    }

    static List<String> list(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : Arrays.asList(values);
    }

    static List<String> list(JsonObject place, String key) {
        JsonArray array = place.getJsonArray(key);
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>(array.size());
        array.forEach(value -> values.add(String.valueOf(value)));
        return values;
    }

    static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    static JsonObject json(Row row, String column) {
        Object value = row.getValue(column);
        return value instanceof JsonObject object ? object : new JsonObject(String.valueOf(value));
    }
}
