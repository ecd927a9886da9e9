package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.IssuedPass;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An order's booklets by number (from 1), as an immutable map that grows by one booklet per {@code PassesIssued}
 * without copying: folding an order of 1 000 booklets copied the whole map at each booklet (half a million entries
 * copied on each load of the order; the distribution of a benchmark's booklets ran at 55 to 170 a second). Versions
 * share one backing list and each sees only its own prefix; adding to a version that is not the latest copies its
 * prefix first, so no version ever changes. Readers do not take the lock: a version is extended only while its
 * order is being folded (a {@code PassesIssued} event comes only with the quote), before any other thread can see it
 * (the order book keeps only activated, fully folded orders and never extends them).
 */
final class Booklets extends AbstractMap<Integer, List<IssuedPass>> {

    static final Booklets NONE = new Booklets(List.of(), 0);

    private final List<List<IssuedPass>> shared;
    private final int size;

    private Booklets(List<List<IssuedPass>> shared, int size) {
        this.shared = shared;
        this.size = size;
    }

    /** The same booklets, or a copy of any other map's in number order (a number missing in between reads as none). */
    static Booklets of(Map<Integer, List<IssuedPass>> booklets) {
        if (booklets instanceof Booklets same) {
            return same;
        }
        Booklets all = NONE;
        for (Map.Entry<Integer, List<IssuedPass>> booklet : new java.util.TreeMap<>(booklets).entrySet()) {
            all = all.with(booklet.getKey(), booklet.getValue());
        }
        return all;
    }

    /** These booklets with booklet {@code number}'s passes (the next number in the common case: no copy). */
    Booklets with(int number, List<IssuedPass> passes) {
        if (number < 1) {
            throw new IllegalArgumentException("booklets are numbered from 1, not " + number);
        }
        List<IssuedPass> kept = List.copyOf(passes);
        synchronized (this.shared) {
            if (number == size + 1 && shared.size() == size && shared instanceof ArrayList<List<IssuedPass>> list) {
                list.add(kept);
                return new Booklets(list, size + 1);
            }
        }
        List<List<IssuedPass>> copy = new ArrayList<>(Math.max(size, number) + 16);
        copy.addAll(shared.subList(0, size));
        while (copy.size() < number) {
            copy.add(null);
        }
        copy.set(number - 1, kept);
        return new Booklets(copy, copy.size());
    }

    @Override
    public List<IssuedPass> get(Object key) {
        return key instanceof Integer number && number >= 1 && number <= size ? shared.get(number - 1) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        int present = 0;
        for (int i = 0; i < size; i++) {
            present += shared.get(i) == null ? 0 : 1;
        }
        return present;
    }

    @Override
    public Set<Map.Entry<Integer, List<IssuedPass>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Integer, List<IssuedPass>>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        while (from < size && shared.get(from) == null) {
                            from++;
                        }
                        return from;
                    }

                    @Override
                    public boolean hasNext() { return next < size; }

                    @Override
                    public Map.Entry<Integer, List<IssuedPass>> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<Integer, List<IssuedPass>> entry = Map.entry(next + 1, shared.get(next));
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() { return Booklets.this.size(); }
        };
    }
}
