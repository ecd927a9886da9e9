package fr.hubag.projection;

import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GIN index of the read models bounds its pending list (V143): with PostgreSQL's 4 MB, the insert that fills
 * the list merges it into the index inside the projector's transaction, and every event behind it waits (100-300 ms
 * at 550 events/s). A migration that adds a GIN index without the option fails here.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class ReadModelIndexesTest {

    @Inject
    Pool pool;

    @Test
    void everyGinIndexKeepsAPendingListOf256KiB() {
        List<String> gin = new ArrayList<>();
        for (Row row : pool.query("""
                        SELECT n.nspname || '.' || c.relname || ' ' || coalesce(array_to_string(c.reloptions, ','), '')
                          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                          JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam
                         WHERE a.amname = 'gin' ORDER BY 1""")
                .execute().await().indefinitely()) {
            gin.add(row.getString(0));
        }
        // the places of each territory: five code arrays and three free-text columns
        assertThat(gin).as("GIN indexes of the read models").hasSizeGreaterThanOrEqualTo(4 * 8)
                .contains("mq.places_search_idx gin_pending_list_limit=256",
                        "gf.places_typologies_idx gin_pending_list_limit=256")
                .allSatisfy(index -> assertThat(index).endsWith(" gin_pending_list_limit=256"));
    }
}
