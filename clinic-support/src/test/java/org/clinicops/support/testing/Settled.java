package org.clinicops.support.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A stop condition for {@link TopicReader#readUntil} that proves "exactly once": exactly {@code count} of the records
 * read are of interest and no further one has arrived for {@link #QUIET}, so a duplicate would have shown up. A
 * duplicate keeps the condition false, and the read fails when its patience runs out.
 */
public final class Settled implements Predicate<List<ConsumerRecord<byte[], byte[]>>> {

    /** How long the count must stay put after the last record arrived. */
    public static final Duration QUIET = Duration.ofSeconds(1);

    private final int count;
    private final Predicate<ConsumerRecord<byte[], byte[]>> ofInterest;
    private long seen = -1;
    private long seenSince;

    private Settled(int count, Predicate<ConsumerRecord<byte[], byte[]>> ofInterest) {
        this.count = count;
        this.ofInterest = ofInterest;
    }

    /** Exactly {@code count} records on the topic, and no more for {@link #QUIET}. */
    public static Settled exactly(int count) {
        return exactly(count, record -> true);
    }

    /** Exactly {@code count} records matching {@code ofInterest}, and no more of them for {@link #QUIET}. */
    public static Settled exactly(int count, Predicate<ConsumerRecord<byte[], byte[]>> ofInterest) {
        return new Settled(count, ofInterest);
    }

    @Override
    public boolean test(List<ConsumerRecord<byte[], byte[]>> records) {
        long matching = records.stream().filter(ofInterest).count();
        // elapsed time only, never the time of day: nanoTime is not a clock reading
        long tick = System.nanoTime();
        if (matching != seen) {
            seen = matching;
            seenSince = tick;
        }
        return matching == count && tick - seenSince >= QUIET.toNanos();
    }
}
