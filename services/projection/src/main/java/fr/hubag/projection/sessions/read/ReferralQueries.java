package fr.hubag.projection.sessions.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The referrals of a scope, oldest change first (last change, then id), a page at a time after a cursor: a keyset,
 * so a page costs the same however deep. A referral that changes again moves to the end and is seen again by a
 * client polling with {@code changedSince}.
 */
@ApplicationScoped
public class ReferralQueries {

    private final Pool pool;

    public ReferralQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<PartnerReferral>> page(Scope scope, ReferralFilter filter, Cursor after, int size) {
        String sql = "SELECT * FROM " + scope.table("referrals") + " WHERE territory = ANY($1) "
                + "AND ($2::text IS NULL OR partner = $2) AND ($3::uuid[] IS NULL OR actor_id = ANY($3)) "
                + "AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR outcome = $5) "
                + "AND ($6::timestamptz IS NULL OR changed_at >= $6) "
                + "AND ($7::timestamptz IS NULL OR (changed_at, referral_id) > ($7, $8::uuid)) "
                + "ORDER BY changed_at, referral_id LIMIT $9";
        Tuple params = Tuple.wrap(Arrays.asList(filter.territories().toArray(String[]::new), filter.partner(),
                filter.assignedTo() == null ? null : filter.assignedTo().toArray(UUID[]::new), filter.status(),
                filter.outcome(), utc(filter.changedSince()),
                after == null ? null : utc(Instant.parse(after.sortKey())), after == null ? null : after.id(),
                size + 1));
        return pool.preparedQuery(sql).execute(params).map(rows -> Keyset.page(rows, size,
                ReferralQueries::referral, last -> new Cursor(last.changedAt().toString(), last.referralId())));
    }

    private static PartnerReferral referral(Row row) {
        return new PartnerReferral(row.getUUID("referral_id"), row.getString("partner"), row.getString("territory"),
                row.getUUID("beneficiary_id"), row.getBoolean("beneficiary_erased"), row.getString("reason"),
                List.of(row.getArrayOfStrings("themes")), row.getString("status"), row.getString("refusal_reason"),
                row.getUUID("actor_id"), row.getUUID("session_id"), row.getString("outcome"),
                row.getString("redirected_to"), row.getInteger("expired_after_days"), instant(row, "submitted_at"),
                instant(row, "accepted_at"), instant(row, "refused_at"), instant(row, "assigned_at"),
                instant(row, "closed_at"), instant(row, "expired_at"), instant(row, "changed_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    /** Whether a cursor's sort key is an instant this class wrote (as the agenda's are). */
    public static boolean validCursor(Cursor cursor) {
        return AgendaQueries.validCursor(cursor);
    }
}
