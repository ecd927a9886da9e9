package fr.hubag.sessions.infra;

import fr.hubag.domain.CommandRejected;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The notes of individual activity reports ({@code activity_report_notes}): free text that may name people, so
 * sealed with the key of the person the report names and kept here only — written in the report's own transaction
 * ({@code CommandExecutor.Alongside}), read back for the report's readers, gone with the person's key at erasure.
 */
@ApplicationScoped
public class ActivityNotes {

    private final Pool pool;
    private final PersonalDataCipher cipher;

    public ActivityNotes(Pool pool, PersonalDataCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
    }

    /** Keeps (or, with null notes, removes) a report's notes, sealed with the named person's key. */
    public Uni<Void> write(SqlClient tx, UUID reportId, UUID beneficiaryId, String notes, Instant at) {
        if (notes == null) {
            return tx.preparedQuery("DELETE FROM activity_report_notes WHERE report_id = $1")
                    .execute(Tuple.of(reportId)).replaceWithVoid();
        }
        return wrappedKey(tx, beneficiaryId).chain(wrapped -> {
            if (wrapped.isEmpty()) {
                throw CommandRejected.unprocessable("notes-without-key", "notes", "the person this report names has "
                        + "no record here (unknown or erased): notes are kept only sealed with their key");
            }
            byte[] sealed = cipher.sealNotes(cipher.unwrap(beneficiaryId, wrapped.get()), reportId, notes);
            return tx.preparedQuery("""
                            INSERT INTO activity_report_notes (report_id, beneficiary_id, sealed_notes, updated_at)
                            VALUES ($1, $2, $3, $4)
                            ON CONFLICT (report_id) DO UPDATE SET beneficiary_id = EXCLUDED.beneficiary_id,
                                   sealed_notes = EXCLUDED.sealed_notes, updated_at = EXCLUDED.updated_at""")
                    .execute(Tuple.of(reportId, beneficiaryId, Buffer.buffer(sealed),
                            at.atOffset(java.time.ZoneOffset.UTC)))
                    .replaceWithVoid();
        });
    }

    /** {@link #write} in a transaction of its own: for a report decided again unchanged (no append to join). */
    public Uni<Void> write(UUID reportId, UUID beneficiaryId, String notes, Instant at) {
        return pool.withTransaction(tx -> write(tx, reportId, beneficiaryId, notes, at));
    }

    /** The report's notes, opened; empty when it has none or the person's key is gone. */
    public Uni<Optional<String>> read(UUID reportId) {
        return pool.preparedQuery("""
                        SELECT n.beneficiary_id, n.sealed_notes, k.wrapped_key FROM activity_report_notes n
                          JOIN beneficiary_keys k ON k.beneficiary_id = n.beneficiary_id WHERE n.report_id = $1""")
                .execute(Tuple.of(reportId)).map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = it.next();
                    UUID person = row.getUUID(0);
                    return Optional.of(cipher.openNotes(cipher.unwrap(person, row.getBuffer(2).getBytes()), reportId,
                            row.getBuffer(1).getBytes()));
                });
    }

    /** Erasure: the person's notes go with their key (already unreadable without it). */
    public Uni<Void> erase(UUID beneficiaryId) {
        return pool.preparedQuery("DELETE FROM activity_report_notes WHERE beneficiary_id = $1")
                .execute(Tuple.of(beneficiaryId)).replaceWithVoid();
    }

    private static Uni<Optional<byte[]>> wrappedKey(SqlClient tx, UUID beneficiaryId) {
        return tx.preparedQuery("SELECT wrapped_key FROM beneficiary_keys WHERE beneficiary_id = $1")
                .execute(Tuple.of(beneficiaryId)).map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return it.hasNext() ? Optional.of(it.next().getBuffer(0).getBytes()) : Optional.empty();
                });
    }
}
