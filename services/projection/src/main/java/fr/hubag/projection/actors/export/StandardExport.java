package fr.hubag.projection.actors.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.projection.shared.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The export as a stream written on a worker thread: rows come from the database cursor a fetch at a time and go out
 * as they are encoded, so 10 000 places never sit in memory as one text. Written this way (not as a reactive stream
 * of buffers) because the CSV must end lines with CRLF exactly and a streamed reactive answer adds its own
 * separators. Before each batch it asks whether the client has gone: a write to a closed connection does not fail
 * (the bytes are dropped), so an abandoned export read the whole territory to its end, tens of seconds of the
 * database and a worker at a million places. Stopping early ends the transaction (and its cursor) and gives the
 * connection back.
 */
@ApplicationScoped
public class StandardExport {

    private final ExportQueries queries;
    private final ObjectMapper mapper;

    public StandardExport(ExportQueries queries, ObjectMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    public enum Format { CSV, JSON }

    /**
     * Must be written from a worker thread: it waits for rows.
     *
     * @param clientGone whether the client has gone (its connection closed), asked before each batch is taken
     */
    public StreamingOutput of(Scope scope, Format format, LocalDate today, BooleanSupplier clientGone) {
        return of(scope, format, today, clientGone, ExportQueries.FETCH);
    }

    StreamingOutput of(Scope scope, Format format, LocalDate today, BooleanSupplier clientGone, int fetch) {
        return out -> {
            try (ExportQueries.Places places = queries.open(scope, today, fetch)) {
                write(out, format == Format.CSV ? ExportEncoders.csvHeader() : "[");
                boolean first = true;
                while (!clientGone.getAsBoolean()) {
                    List<ExportQueries.StoredPlace> batch = places.next();
                    if (batch.isEmpty()) {
                        if (format == Format.JSON) {
                            write(out, "]");
                        }
                        return;
                    }
                    List<Object[]> rows = rows(batch);
                    write(out, format == Format.CSV ? ExportEncoders.csv(rows)
                            : ExportEncoders.json(mapper, rows, first));
                    first = false;
                }
            }
        };
    }

    /** Parsed here, on this worker, while the database reads the next rows. */
    private static List<Object[]> rows(List<ExportQueries.StoredPlace> places) {
        List<Object[]> rows = new ArrayList<>(places.size());
        for (ExportQueries.StoredPlace place : places) {
            rows.add(StandardRows.of(place.actorId(), place.place(), place.labels()));
        }
        return rows;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
