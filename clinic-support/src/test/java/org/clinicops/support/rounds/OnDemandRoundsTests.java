package org.clinicops.support.rounds;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OnDemandRoundsTests {

    @Test
    void workStoredWhileARoundRunsGetsExactlyOneMoreRound_soNothingStoredMeanwhileWaitsForThePoll() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch letFirstEnd = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch secondDone = new CountDownLatch(1);
        OnDemandRounds onDemand = new OnDemandRounds("test-rounds", () -> {
            if (rounds.incrementAndGet() == 1) {
                firstRunning.countDown();
                await(letFirstEnd);
            } else {
                secondDone.countDown();
            }
        });

        onDemand.wake();
        await(firstRunning);
        // three commits while the first round runs
        onDemand.wake();
        onDemand.wake();
        onDemand.wake();
        letFirstEnd.countDown();
        await(secondDone);
        onDemand.stop(Duration.ofSeconds(5));

        assertThat(rounds).hasValue(2);
    }

    @Test
    void afterStopAWakeRunsNothing() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        OnDemandRounds onDemand = new OnDemandRounds("test-rounds", rounds::incrementAndGet);
        onDemand.stop(Duration.ofSeconds(5));

        onDemand.wake();

        assertThat(rounds).hasValue(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
