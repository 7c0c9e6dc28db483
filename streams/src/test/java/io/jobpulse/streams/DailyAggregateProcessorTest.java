package io.jobpulse.streams;

import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.streams.aggregate.Contribution;
import io.jobpulse.streams.aggregate.ContributionChange;
import io.jobpulse.streams.aggregate.GroupContribution;
import io.jobpulse.streams.serde.InternalSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate step across a restart. Its cells live in memory and only the contributions are stored (and
 * changelogged), so a task that starts on restored state must emit again exactly what had not been emitted when the
 * previous one stopped: {@code TopologyTestDriver} cannot restart a task on kept state, so this drives the processor
 * on Kafka Streams' own test context with a real store that outlives the processor instance.
 */
class DailyAggregateProcessorTest {

    private static final int DAY = (int) LocalDate.parse("2026-11-20").toEpochDay();
    private static final Contribution GO_JOB = new Contribution(DAY, "v1", List.of("backend"), List.of("Go"),
            List.of("senior"), List.of("DE|Berlin"), List.of("hybrid"), null);
    private static final Contribution RUST_JOB = new Contribution(DAY, "v1", List.of("backend"), List.of("Rust"),
            List.of("senior"), List.of("DE|Berlin"), List.of("hybrid"), null);

    private KeyValueStore<String, GroupContribution> store;

    @BeforeEach
    void createStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PostingTopology.CONTRIBUTIONS_STORE),
                Serdes.String(), InternalSerdes.groupContribution()).withLoggingDisabled().build();
    }

    /** A fresh processor (a task starting) on the kept store. */
    private Instance start() {
        MockProcessorContext<String, AggregateRow> context = new MockProcessorContext<>();
        if (!store.isOpen()) {
            store.init(context.getStateStoreContext(), store);
        }
        context.addStateStore(store);
        DailyAggregateProcessor processor = new DailyAggregateProcessor(Duration.ofSeconds(1));
        processor.init(context);
        return new Instance(context, processor);
    }

    private record Instance(MockProcessorContext<String, AggregateRow> context, DailyAggregateProcessor processor) {
        void change(String group, Contribution contribution) {
            processor.process(new Record<>(LocalDate.ofEpochDay(DAY).toString(),
                    new ContributionChange(DAY, group, contribution), 0L));
        }

        /** Runs the emit punctuation; returns the rows it wrote, cell key -> count. */
        Map<String, Long> emit() {
            context.resetForwards();
            context.scheduledPunctuators().getFirst().getPunctuator().punctuate(System.currentTimeMillis());
            Map<String, Long> rows = new HashMap<>();
            context.forwarded().forEach(f -> rows.put(f.record().key(), f.record().value().getCount()));
            return rows;
        }
    }

    private static String cell(String aggregate, String dim1) {
        return aggregate + "|*|2026-11-20|" + dim1 + "|";
    }

    @Test
    void aRestartEmitsExactlyTheCellsNotEmittedYetIncludingThoseAtZero() {
        Instance first = start();
        first.change("acme|senior backend engineer|DE|gh:1", GO_JOB);
        first.change("beta|senior backend engineer|DE|gh:2", RUST_JOB);
        assertThat(first.emit()).containsEntry(cell("technology", "Go"), 1L).containsEntry(cell("postings", ""), 2L);

        // gh:1 closes (its group no longer counts); the instance dies before its next emit.
        first.change("acme|senior backend engineer|DE|gh:1", null);

        Map<String, Long> afterRestart = start().emit();
        assertThat(afterRestart)
                .as("cells of the un-emitted change, Go now at zero; gh:2's cells were out already")
                .containsEntry(cell("technology", "Go"), 0L)
                .containsEntry(cell("postings", ""), 1L)
                .doesNotContainKey(cell("technology", "Rust"));
    }

    @Test
    void afterAnEmitARestartEmitsNothingAndCountsGoOnFromTheStoredContributions() {
        Instance first = start();
        first.change("acme|senior backend engineer|DE|gh:1", GO_JOB);
        first.change("beta|senior backend engineer|DE|gh:2", RUST_JOB);
        first.emit();
        first.change("acme|senior backend engineer|DE|gh:1", RUST_JOB); // Go -> Rust
        assertThat(first.emit()).containsEntry(cell("technology", "Go"), 0L).containsEntry(cell("technology", "Rust"), 2L);

        Instance second = start();
        assertThat(second.emit()).isEmpty();
        second.change("beta|senior backend engineer|DE|gh:2", null);
        assertThat(second.emit()).containsEntry(cell("technology", "Rust"), 1L).containsEntry(cell("postings", ""), 1L);
    }
}
