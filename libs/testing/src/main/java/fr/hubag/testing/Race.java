package fr.hubag.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Real concurrency for tests: {@code callers} threads, released together by one latch, each making its call (an
 * HTTP request, a command); returns each caller's answer, or the exception it got, in caller order.
 */
public final class Race {

    private Race() {}

    @FunctionalInterface
    public interface Call<T> {
        T call(int caller) throws Exception;
    }

    public static <T> List<Object> of(int callers, Call<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int caller = i;
                futures.add(threads.submit((Callable<Object>) () -> {
                    go.await();
                    try {
                        return call.call(caller);
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> answers = new ArrayList<>();
            for (Future<Object> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdown();
        }
    }
}
