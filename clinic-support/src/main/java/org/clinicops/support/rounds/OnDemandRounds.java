package org.clinicops.support.rounds;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A round of work run on a thread of its own, one round at a time, as soon as it is asked for: the commit that stored
 * work asks at once, and a poll asks on a fixed delay as the safety net for what a wake-up missed (a failed round, an
 * instance that stopped between a commit and its round). Asking again before a round starts asks for that same round;
 * asking while one runs asks for exactly one more, so what was stored meanwhile is seen.
 */
public final class OnDemandRounds {

    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Runnable round;

    public OnDemandRounds(String threadName, Runnable round) {
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
        this.round = round;
    }

    /** Asks for a round as soon as possible. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    queued.set(false);
                    round.run();
                });
            } catch (RejectedExecutionException e) {
                // stopping: what is left waits for the next start
                queued.set(false);
            }
        }
    }

    /** Takes no more rounds, lets a running one finish for up to {@code wait}, then interrupts it. */
    public void stop(Duration wait) throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            thread.shutdownNow();
        }
    }
}
