package fr.hubag.projection.actors.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.testing.Csv;
import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.total;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's cursor read a fetch ahead: every row comes once and in name order however many fetches it takes, a
 * JSON export stays one array across its batches, an export whose client has gone stops at its next batch, and an
 * export closed midway ends its transaction and gives its connection back, every time.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class ExportStreamingTest {

    static final Scope GUYANE = Scope.of(Territory.GF);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static String tag;
    static final List<UUID> inNameOrder = new ArrayList<>();

    @Inject
    ExportQueries queries;

    @Inject
    StandardExport export;

    @Inject
    Pool pool;

    /** Seven places whose names sort in the order they are published (inside the running application). */
    @BeforeEach
    void places() {
        if (tag != null) {
            return;
        }
        tag = Api.tag();
        for (String name : List.of("a", "b", "c", "d", "e", "f", "g")) {
            ActorStream actor = ActorStream.create("GF");
            String place = "Export " + tag + " " + name;
            actor.publish("ActorRegistered", Events.registered(actor, Places.place("GF", place)));
            inNameOrder.add(actor.id());
        }
        await("/territories/GF/actors?q=" + tag, r -> total(r) == 7);
    }

    @Test
    void everyRowComesOnceInNameOrderHoweverManyFetchesItTakes() {
        List<UUID> byTwo = read(2);
        assertThat(byTwo).doesNotHaveDuplicates();
        // other classes' places may still arrive between two reads: these seven are the ones compared
        assertThat(byTwo.stream().filter(inNameOrder::contains).toList()).isEqualTo(inNameOrder);
        assertThat(read(10_000).stream().filter(inNameOrder::contains).toList()).isEqualTo(inNameOrder);
    }

    @Test
    void anExportClosedMidwayGivesItsConnectionBack() {
        for (int i = 0; i < 40; i++) { // more than the pool holds (16): a connection kept would stop the 17th
            try (ExportQueries.Places places = queries.open(GUYANE, TODAY, 2)) {
                assertThat(places.next()).hasSize(2);
            }
        }
        assertThat(exportsInATransaction()).isZero();
        assertThat(read(3)).containsAll(inNameOrder);
    }

    @Test
    void anExportWhoseClientHasGoneStopsAtItsNextBatch() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the client leaves once two batches of two rows are written
        export.of(GUYANE, StandardExport.Format.CSV, TODAY, () -> asked.incrementAndGet() > 2, 2).write(out);
        assertThat(Csv.records(out.toString(StandardCharsets.UTF_8))).hasSize(1 + 4); // the header, two batches
        assertThat(asked).hasValue(3);
        assertThat(exportsInATransaction()).isZero();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        export.of(GUYANE, StandardExport.Format.CSV, TODAY, () -> false, 2).write(whole);
        List<String> names = Csv.parse(whole.toString(StandardCharsets.UTF_8)).stream()
                .map(row -> row.get("nom")).filter(name -> name.startsWith("Export " + tag)).toList();
        assertThat(names).hasSize(7).isSorted();
    }

    @Test
    void aJsonExportOverManyBatchesIsOneArray() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.of(GUYANE, StandardExport.Format.JSON, TODAY, () -> false, 2).write(out);
        JsonNode rows = new ObjectMapper().readTree(out.toByteArray()); // fails on a comma missing between batches
        assertThat(rows.isArray()).isTrue();
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.path("nom").asText()));
        assertThat(names.stream().filter(name -> name.startsWith("Export " + tag)).toList()).hasSize(7).isSorted();
    }

    /** Backends other than this one in a transaction that runs or ran the export's statement. */
    private long exportsInATransaction() {
        return pool.query("SELECT count(*) FROM pg_stat_activity WHERE xact_start IS NOT NULL "
                        + "AND pid <> pg_backend_pid() AND query LIKE '%convert_to(p.place%'")
                .execute().await().indefinitely().iterator().next().getLong(0);
    }

    private List<UUID> read(int fetch) {
        List<UUID> ids = new ArrayList<>();
        try (ExportQueries.Places places = queries.open(GUYANE, TODAY, fetch)) {
            for (var batch = places.next(); !batch.isEmpty(); batch = places.next()) {
                assertThat(batch.size()).isLessThanOrEqualTo(fetch);
                batch.forEach(place -> ids.add(place.actorId()));
            }
        }
        return ids;
    }
}
