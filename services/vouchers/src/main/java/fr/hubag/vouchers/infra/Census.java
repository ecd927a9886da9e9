package fr.hubag.vouchers.infra;

import fr.hubag.domain.Territory;
import fr.hubag.vouchers.domain.ActorFacts;
import fr.hubag.vouchers.domain.ActorFacts.LabelPeriod;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The census as the vouchers service knows it locally ({@link CensusConsumer}): an actor's facts in one statement,
 * an absorbed actor read as its survivor (whose labels include the absorbed one's).
 */
@ApplicationScoped
public class Census {

    private final Pool pool;

    public Census(Pool pool) {
        this.pool = pool;
    }

    public Uni<ActorFacts> facts(UUID actorId) {
        return pool.preparedQuery("""
                WITH target AS (SELECT coalesce(merged_into, actor_id) AS id FROM census_actors WHERE actor_id = $1)
                SELECT a.actor_id, a.territory, a.commune_insee_code, a.closed_on, p.valid_from, p.valid_until
                  FROM target t JOIN census_actors a ON a.actor_id = t.id
                  LEFT JOIN census_aptic_periods p ON p.actor_id = t.id""")
                .execute(Tuple.of(actorId)).map(rows -> {
                    UUID id = actorId;
                    String territory = null;
                    String commune = null;
                    LocalDate closedOn = null;
                    List<LabelPeriod> periods = new ArrayList<>();
                    for (Row row : rows) {
                        id = row.getUUID("actor_id");
                        territory = row.getString("territory");
                        commune = row.getString("commune_insee_code");
                        closedOn = row.getLocalDate("closed_on");
                        if (row.getLocalDate("valid_from") != null) {
                            periods.add(new LabelPeriod(row.getLocalDate("valid_from"),
                                    row.getLocalDate("valid_until")));
                        }
                    }
                    return territory == null ? ActorFacts.unknown(actorId)
                            : new ActorFacts(id, Territory.valueOf(territory), commune, periods, closedOn);
                });
    }
}
