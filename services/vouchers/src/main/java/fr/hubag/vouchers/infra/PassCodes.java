package fr.hubag.vouchers.infra;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The look-up table from a code's keyed hash to its pass ({@code pass_codes}), and the sealed codes of a booklet for
 * its funder. Written in one statement per order, in the transaction that appends the quote's events, so that a
 * refused, replayed or retried quote leaves no row (V104).
 */
@ApplicationScoped
public class PassCodes {

    /** One pass of an order: where it is, its code's hash and its sealed code. */
    public record Entry(UUID passId, UUID orderId, int booklet, int position, String codeHash, byte[] sealedCode) {}

    /** Where a code leads: its pass, order and booklet. */
    public record Located(UUID passId, UUID orderId, int booklet) {}

    private final Pool pool;

    public PassCodes(Pool pool) {
        this.pool = pool;
    }

    /** Written in the quote's own transaction ({@code CommandExecutor.Alongside}). */
    public Uni<Void> insert(SqlClient transaction, List<Entry> entries) {
        return transaction.preparedQuery("""
                INSERT INTO pass_codes (code_hash, pass_id, order_id, booklet, position, sealed_code)
                SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::bytea[])""")
                .execute(Tuple.tuple(List.of(
                        entries.stream().map(Entry::codeHash).toArray(String[]::new),
                        entries.stream().map(Entry::passId).toArray(UUID[]::new),
                        entries.stream().map(Entry::orderId).toArray(UUID[]::new),
                        entries.stream().map(Entry::booklet).toArray(Integer[]::new),
                        entries.stream().map(Entry::position).toArray(Integer[]::new),
                        entries.stream().map(e -> io.vertx.core.buffer.Buffer.buffer(e.sealedCode()))
                                .toArray(io.vertx.core.buffer.Buffer[]::new))))
                .replaceWithVoid();
    }

    public Uni<Optional<Located>> find(String codeHash) {
        return pool.preparedQuery("SELECT pass_id, order_id, booklet FROM pass_codes WHERE code_hash = $1")
                .execute(Tuple.of(codeHash)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = it.next();
                    return Optional.of(new Located(row.getUUID("pass_id"), row.getUUID("order_id"),
                            row.getInteger("booklet")));
                });
    }

    /** A booklet's passes in order, with their sealed codes. */
    public Uni<List<Entry>> booklet(UUID orderId, int booklet) {
        return pool.preparedQuery("""
                SELECT pass_id, position, code_hash, sealed_code FROM pass_codes
                 WHERE order_id = $1 AND booklet = $2 ORDER BY position""")
                .execute(Tuple.of(orderId, booklet)).map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new Entry(row.getUUID("pass_id"), orderId, booklet, row.getInteger("position"),
                                row.getString("code_hash"), row.getBuffer("sealed_code").getBytes()));
                    }
                    return entries;
                });
    }
}
