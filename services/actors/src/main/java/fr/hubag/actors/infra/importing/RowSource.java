package fr.hubag.actors.infra.importing;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The rows of an imported file, read one ahead: a source only says how to read the next row, or null at the end. */
abstract class RowSource implements Iterator<RawRow> {

    private RawRow next;
    private boolean done;

    /** The next row of the file, or null when there is none. */
    protected abstract RawRow read();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = read();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final RawRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRow current = next;
        next = null;
        return current;
    }
}
