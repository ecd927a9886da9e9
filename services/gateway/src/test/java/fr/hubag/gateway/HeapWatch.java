package fr.hubag.gateway;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The gateway's heap, measured in its own JVM while a test sends it traffic: used heap after a collection before and
 * after, the highest used heap seen (sampled; it includes garbage not yet collected), and the peak of the old
 * generation, where anything held longer than a moment (a buffered body) ends up.
 */
final class HeapWatch implements AutoCloseable {

    record Figures(long beforeMiB, long afterMiB, long peakUsedMiB, long oldGenGrowthMiB, long maxMiB) {
        @Override
        public String toString() {
            return "heap used before " + beforeMiB + " MiB, after " + afterMiB + " MiB, peak (with garbage) "
                    + peakUsedMiB + " MiB, old generation peak growth " + oldGenGrowthMiB + " MiB, max heap "
                    + maxMiB + " MiB";
        }
    }

    private final List<MemoryPoolMXBean> oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured")).toList();
    private final long before;
    private final long oldBefore;
    private volatile long peak;
    private volatile boolean watching = true;
    private final Thread sampler;

    HeapWatch() {
        System.gc();
        before = used();
        oldBefore = oldUsed();
        oldGeneration.forEach(MemoryPoolMXBean::resetPeakUsage);
        peak = before;
        sampler = Thread.ofPlatform().daemon().start(() -> {
            while (watching) {
                peak = Math.max(peak, used());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    Figures figures() {
        watching = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long oldPeak = oldGeneration.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        return new Figures(mib(before), mib(used()), mib(peak), mib(Math.max(0, oldPeak - oldBefore)),
                mib(Runtime.getRuntime().maxMemory()));
    }

    @Override
    public void close() {
        watching = false;
    }

    private long oldUsed() {
        return oldGeneration.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
