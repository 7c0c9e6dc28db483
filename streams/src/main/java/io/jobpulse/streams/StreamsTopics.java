package io.jobpulse.streams;

import io.jobpulse.contracts.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Topic housekeeping of the streams stage: create what it reads and writes, and rewind its input for re-enrichment. */
public final class StreamsTopics {

    private StreamsTopics() {
    }

    /** Creates the missing ones from their specs. Idempotent, and safe when another instance races to create them. */
    public static void ensure(Admin admin, List<TopicSpec<?, ?>> specs) throws InterruptedException {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = specs.stream()
                    .filter(s -> !existing.contains(s.name()))
                    .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), Optional.empty()).configs(s.configs()))
                    .toList();
            for (var f : admin.createTopics(missing).values().values()) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create streams topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Re-enrichment: sets the application's committed offsets on the postings topic back to the beginning, keeping
     * its state. On restart every posting is enriched again with the current taxonomy and, because the stores still
     * hold each job's previous contribution, each update retracts the old cells and adds the new: the aggregates
     * converge to the new version without double counting. Every instance of the application must be stopped first
     * (Kafka refuses to move offsets of an active group).
     *
     * @return partitions rewound
     */
    public static int rewindInput(Admin admin, String applicationId, String inputTopic) throws InterruptedException {
        try {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
                        .describedGroups().get(applicationId).get();
                if (!group.members().isEmpty() || group.groupState() == GroupState.STABLE) {
                    throw new IllegalStateException("Application " + applicationId + " still has " + group.members().size()
                            + " running member(s); stop every instance before --reprocess");
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            int partitions = admin.describeTopics(List.of(inputTopic)).allTopicNames().get()
                    .get(inputTopic).partitions().size();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                earliest.put(new TopicPartition(inputTopic, p), OffsetSpec.earliest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(earliest).all().get();
            Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
            offsets.forEach((tp, info) -> reset.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(applicationId, reset).all().get();
            return reset.size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot rewind " + inputTopic + " for " + applicationId + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
