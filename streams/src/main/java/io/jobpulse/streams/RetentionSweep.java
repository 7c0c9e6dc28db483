package io.jobpulse.streams;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Walks a store a slice at a time, resuming where the previous slice stopped and starting over after the last key.
 * Retention sweeps run on the stream thread inside an open exactly-once transaction, so one punctuation must stay
 * short whatever the store's size: a whole pass over a million postings at once would take seconds and could outlast
 * the transaction timeout. A slice of {@link #SLICE} entries every {@link #INTERVAL} covers a million keys in well
 * under two hours, which is plenty for retention measured in days.
 *
 * @param <V> the store's values
 */
final class RetentionSweep<V> {

    /** Wall clock between slices. */
    static final Duration INTERVAL = Duration.ofMinutes(1);
    /** Entries read per slice. */
    static final int SLICE = 10_000;

    private final int slice;
    /** First key of the next slice; null to start from the beginning. */
    private String cursor;

    RetentionSweep() {
        this(SLICE);
    }

    RetentionSweep(int slice) {
        this.slice = slice;
    }

    /**
     * Prunes up to one slice of entries: {@code prune} returns the same value to keep an entry, null to delete it, or
     * a new value to store instead. Returns how many entries it deleted or replaced.
     */
    int sweepSlice(KeyValueStore<String, V> store, UnaryOperator<V> prune) {
        List<KeyValue<String, V>> changes = new ArrayList<>();
        String next = null;
        try (KeyValueIterator<String, V> it = store.range(cursor, null)) {
            int read = 0;
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (read == slice) {
                    next = kv.key;
                    break;
                }
                read++;
                V pruned = prune.apply(kv.value);
                if (pruned != kv.value) {
                    changes.add(KeyValue.pair(kv.key, pruned));
                }
            }
        }
        cursor = next;
        for (KeyValue<String, V> change : changes) {
            if (change.value == null) {
                store.delete(change.key);
            } else {
                store.put(change.key, change.value);
            }
        }
        return changes.size();
    }
}
