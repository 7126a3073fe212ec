package org.clinicops.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Open-model load: arrival {@code i} starts at {@code i / rate} seconds on a fixed schedule, each on a virtual thread
 * of its own, whether or not the earlier ones have finished (a slow system gets no breather, as in a real clinic).
 */
final class OpenModelLoad {

    private OpenModelLoad() {
    }

    /** Runs {@code rate * seconds} arrivals and returns what each gave, in arrival order, once all have finished. */
    static <T> List<T> run(int rate, int seconds, IntFunction<T> arrival) {
        int arrivals = rate * seconds;
        List<CompletableFuture<T>> results = new ArrayList<>(arrivals);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (int i = 0; i < arrivals; i++) {
                long due = start + i * TimeUnit.SECONDS.toNanos(1) / rate;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int number = i;
                results.add(CompletableFuture.supplyAsync(() -> arrival.apply(number), threads));
            }
            return results.stream().map(CompletableFuture::join).toList();
        }
    }
}
