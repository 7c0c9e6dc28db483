package io.jobpulse.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionSweepTest {

    private KeyValueStore<String, String> store;
    private final List<String> judged = new ArrayList<>();

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("sweep-test"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<String, String>().getStateStoreContext(), store);
        for (int i = 0; i < 10; i++) {
            store.put("k" + i, i % 2 == 0 ? "closed" : "open");
        }
    }

    private String prune(String value) {
        judged.add(value);
        return value.equals("closed") ? null : value;
    }

    @Test
    void eachSliceResumesAfterThePreviousOneAndThePassStartsOverAfterTheLastKey() {
        RetentionSweep<String> sweep = new RetentionSweep<>(4);
        assertThat(sweep.sweepSlice(store, this::prune)).isEqualTo(2); // k0..k3
        assertThat(sweep.sweepSlice(store, this::prune)).isEqualTo(2); // k4..k7
        assertThat(sweep.sweepSlice(store, this::prune)).isEqualTo(1); // k8, k9: the end
        assertThat(judged).hasSize(10);
        assertThat(keys()).containsExactly("k1", "k3", "k5", "k7", "k9");

        judged.clear();
        store.put("k0", "closed"); // reappears behind the pass's start: the next pass sees it
        assertThat(sweep.sweepSlice(store, this::prune)).isEqualTo(1);
        assertThat(judged).hasSize(4);
        assertThat(keys()).containsExactly("k1", "k3", "k5", "k7", "k9");
    }

    @Test
    void aPrunedValueReplacesTheStoredOneAndTheOthersStay() {
        RetentionSweep<String> sweep = new RetentionSweep<>(100);
        assertThat(sweep.sweepSlice(store, v -> v.equals("open") ? v : "pruned")).isEqualTo(5);
        assertThat(store.get("k0")).isEqualTo("pruned");
        assertThat(store.get("k1")).isEqualTo("open");
        assertThat(store.approximateNumEntries()).isEqualTo(10);
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
