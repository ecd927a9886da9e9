package fr.hubag.projection.shared.batch;

import io.vertx.mutiny.sqlclient.Tuple;

import java.util.List;

/**
 * One statement a projector wants run, not yet sent: kept as data so that {@link StatementBatches} can send the
 * same statement of a thousand events together.
 *
 * <p>A statement of one row ({@link #row}) is one row of a multi-row statement: its SQL reads each of its columns
 * as an array ({@code unnest($1::uuid[], $2::text[], ...)}), and the rows of the same SQL are sent as one
 * execution whose {@code $n} holds the n-th value of every row. For PostgreSQL a thousand rows in one statement cost
 * a fraction of a thousand statements of one row, even pipelined. {@code columns} gives each array's element type.
 */
public record Statement(String sql, Tuple params, List<Class<?>> columns) {

    /** A statement run as it is, once per event (batched with the others of its SQL, one execution each). */
    public Statement(String sql, Tuple params) {
        this(sql, params, null);
    }

    /** One row of a multi-row statement whose SQL reads every column from an array. */
    public static Statement row(String sql, Tuple values, List<Class<?>> columns) {
        return new Statement(sql, values, columns);
    }

    boolean multiRow() {
        return columns != null;
    }

    /**
     * A text[] value carried in a text array column: its literal ({@code {"a","b \"c\""}}), to cast back to text[]
     * in the SQL, since an array of arrays cannot be sent as one.
     */
    public static String arrayLiteral(String[] values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            literal.append(i == 0 ? "\"" : ",\"")
                    .append(values[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
