package fr.hubag.gateway.application;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What one caller may do at once, so that one client (a runaway script, an anonymous flood) cannot take the gateway
 * from everyone else: requests in each one-second window, and uploads in flight. A caller is a key chosen by the
 * edge (a token subject, or an address). Windows of callers not seen for a second are dropped once there are many,
 * so memory follows the callers of the last second, not every caller ever seen. No framework: tested alone.
 */
public final class CallerLimits {

    /** Past this many remembered windows, the stale ones are swept (at most once a second). */
    static final int SWEEP_ABOVE = 10_000;

    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> uploads = new ConcurrentHashMap<>();
    private volatile long sweptAt;

    public CallerLimits(LongSupplier millisClock) {
        this.clock = millisClock;
    }

    /** Requests of one caller in the current second. */
    private static final class Window {
        long second;
        int count;

        synchronized boolean admit(long now, int limit) {
            if (now != second) {
                second = now;
                count = 0;
            }
            return ++count <= limit;
        }

        synchronized boolean staleAt(long now) {
            return second < now - 1;
        }
    }

    /** Counts one request of the caller: false when it is over {@code perSecond} in this second. */
    public boolean admit(String caller, int perSecond) {
        long now = clock.getAsLong() / 1000;
        Window window = windows.get(caller);
        if (window == null) {
            sweep(now);
            window = windows.computeIfAbsent(caller, k -> new Window());
        }
        return window.admit(now, perSecond);
    }

    /** Starts an upload of the caller unless {@code max} are already in flight; each start is ended once. */
    public boolean startUpload(String caller, int max) {
        boolean[] started = {false};
        uploads.compute(caller, (k, inFlight) -> {
            int now = inFlight == null ? 0 : inFlight;
            if (now >= max) {
                return inFlight;
            }
            started[0] = true;
            return now + 1;
        });
        return started[0];
    }

    public void endUpload(String caller) {
        uploads.computeIfPresent(caller, (k, inFlight) -> inFlight <= 1 ? null : inFlight - 1);
    }

    int remembered() {
        return windows.size();
    }

    private void sweep(long now) {
        if (windows.size() > SWEEP_ABOVE && sweptAt != now) {
            sweptAt = now;
            windows.values().removeIf(window -> window.staleAt(now));
        }
    }
}
