package fr.hubag.projection;

import fr.hubag.projection.actors.projector.ActorsProjector;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static fr.hubag.projection.support.Api.as;

/**
 * Prints how fast the actors read models are rebuilt, the projection JVM's RSS and heap before and after, and the CPU
 * the rebuild used (PostgreSQL's, this JVM's, the machine's) beside what 20 000 events/s would allow, for N
 * places registered in Martinique (with the production poll size and dual threshold); first, how fast the live
 * consumer applied them as they were published (500 records a poll). Opt-in, asserts nothing about
 * time: {@code ./mvnw -o verify -pl services/projection -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=RebuildBenchmark -Dhub.bench=true [-Dhub.bench.events=100000]}
 */
@QuarkusTest
@TestProfile(RebuildBenchmark.ProductionPolls.class)
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class RebuildBenchmark {

    /** The production values of the catch-up, not the small ones the tests use. */
    public static class ProductionPolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.rebuild.dual-lag", "2000", "hub.rebuild.max-poll-records", "2000");
        }
    }

    @Inject
    Pool pool;

    @Test
    void rebuildRateAndMemory() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int places = Integer.getInteger("hub.bench.events", Integer.getInteger("hub.bench.places", 100_000));
        String tag = Api.tag();
        long checkpointed = applied();
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < places; i++) {
            ActorStream actor = ActorStream.create("MQ");
            sent.add(actor.publishAsync("ActorRegistered", Events.registered(actor,
                    Places.place("MQ", "Bench " + tag + " " + i))));
            if (sent.size() == 10_000 || i == places - 1) { // acknowledged by tens of thousands: a million would not fit
                ActorStream.flush();
                for (Future<?> future : sent) {
                    future.get();
                }
                sent.clear();
            }
        }
        double published = (System.nanoTime() - start) / 1e9;
        // the live consumer's checkpoints first, then the rows: the directory's total stops at 1 000, and counting a
        // million rows every 200 ms would slow down the projection it measures
        long deadline = System.currentTimeMillis() + 1_800_000;
        while (applied() < checkpointed + places && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        while (count(tag) < places && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
        }
        double projected = (System.nanoTime() - start) / 1e9;
        System.out.printf("%n[bench] live projection: %d registrations published in %.1f s, applied (MQ + hub) in "
                + "%.1f s from the first send: %.0f events/s%n", places, published, projected, places / projected);
        System.gc();
        String before = memory();

        Cpu cpuBefore = Cpu.now(postmaster());
        ValidatableResponse started = as(TestTokens.hubAdmin()).contentType("application/json")
                .body("{\"readModel\":\"actors\"}").post(Api.BASE + "/admin/rebuilds").then().statusCode(202);
        long id = started.extract().<Number>path("id").longValue();
        String peak = memory();
        ValidatableResponse done = Api.get(TestTokens.hubAdmin(), "/admin/rebuilds/" + id);
        while (List.of("CATCHING_UP", "DUAL").contains(done.extract().<String>path("state"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            peak = memory();
            done = Api.get(TestTokens.hubAdmin(), "/admin/rebuilds/" + id);
        }
        String after = memory();
        Cpu cpu = Cpu.now(postmaster()).minus(cpuBefore);
        System.gc();
        System.out.printf("%n[bench] rebuild of actors: %s, %s of %s records (%d places of this run) in %s, %s "
                        + "events/s%n[bench] memory before: %s; during (last sample): %s; after: %s; after GC: %s%n%n",
                done.extract().path("state"), done.extract().path("applied"), done.extract().path("total"), places,
                seconds(done), done.extract().path("eventsPerSecond"), before, peak, after, memory());
        Number applied = done.extract().path("applied");
        double perMillion = 1e6 / applied.doubleValue();
        System.out.printf("[bench] CPU from the request to the switch, core-seconds: PostgreSQL %.1f, this JVM %.1f "
                        + "(of which the in-JVM broker's threads %.1f), the whole machine %.1f of %.1f (%d cores x "
                        + "%.1f s); per million events %.0f, where 20 000 events/s on %d cores allows %.0f%n%n",
                cpu.postgres(), cpu.jvm(), cpu.broker(), cpu.machine(), cpu.cores() * cpu.elapsed(), cpu.cores(),
                cpu.elapsed(), cpu.machine() * perMillion, cpu.cores(), cpu.cores() * 1e6 / 20_000);
    }

    /**
     * CPU time used so far, in core-seconds: PostgreSQL's (the postmaster, its live processes, and those it has
     * reaped), this JVM's (and its broker threads' share, by their names), the machine's (every process, /proc/stat),
     * and the wall clock. Linux only, as the benchmarks are.
     */
    record Cpu(double postgres, double jvm, double broker, double machine, double elapsed, int cores) {

        static final double TICK = 100.0; // USER_HZ: /proc counts CPU time in hundredths of a second

        static Cpu now(long postmaster) throws Exception {
            double postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    long[] stat = stat(process);
                    if (stat.length > 0 && (stat[0] == postmaster || stat[1] == postmaster)) {
                        postgres += stat[2] + stat[3] + (stat[0] == postmaster ? stat[4] + stat[5] : 0);
                    }
                }
            }
            var threads = ManagementFactory.getThreadMXBean();
            long broker = 0;
            for (var thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && thread.getThreadName().matches(".*(kafka-request-handler|kafka-network-thread"
                        + "|data-plane|ReplicaFetcher|kafka-log|ExpirationReaper).*")) {
                    broker += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                }
            }
            String[] all = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) { // user, nice, system, irq, softirq (guest is inside user)
                busy += Long.parseLong(all[i]);
            }
            double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
            return new Cpu(postgres / TICK, jvm, broker / 1e9, busy / TICK, System.nanoTime() / 1e9,
                    Runtime.getRuntime().availableProcessors());
        }

        Cpu minus(Cpu before) {
            return new Cpu(postgres - before.postgres, jvm - before.jvm, broker - before.broker,
                    machine - before.machine, elapsed - before.elapsed, cores);
        }

        /** pid, ppid, utime, stime, cutime, cstime; empty if the process has gone. */
        private static long[] stat(Path process) {
            try {
                String line = Files.readString(process.resolve("stat"));
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                return new long[] {Long.parseLong(process.getFileName().toString()), Long.parseLong(fields[1]),
                        Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                        Long.parseLong(fields[14])};
            } catch (java.io.IOException | RuntimeException gone) {
                return new long[0];
            }
        }
    }

    /** The PostgreSQL server's main process: the parent of this connection's backend. */
    private long postmaster() throws Exception {
        int backend = pool.query("SELECT pg_backend_pid()").execute().await().indefinitely().iterator().next()
                .getInteger(0);
        return Cpu.stat(Path.of("/proc/" + backend))[1];
    }

    private long applied() {
        return pool.preparedQuery("SELECT coalesce(sum(next_offset), 0)::bigint FROM es_consumer_checkpoints "
                        + "WHERE consumer = $1")
                .execute(Tuple.of(ActorsProjector.CONSUMER)).await().indefinitely().iterator().next().getLong(0);
    }

    private long count(String tag) {
        return pool.preparedQuery("SELECT count(*) FROM hub.places WHERE name LIKE $1")
                .execute(Tuple.of("Bench " + tag + " %")).await().indefinitely().iterator().next().getLong(0);
    }

    private static String seconds(ValidatableResponse done) {
        Number applied = done.extract().path("applied");
        Number rate = done.extract().path("eventsPerSecond");
        return rate.longValue() == 0 ? "?" : String.format("%.1f s", applied.doubleValue() / rate.doubleValue());
    }

    /** RSS of this JVM (the tests run the projection in it, with the broker and PostgreSQL client) and its heap. */
    private static String memory() throws Exception {
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return String.format("%s, heap used %d MB of %d MB committed", rss, heap.getUsed() >> 20,
                heap.getCommitted() >> 20);
    }
}
