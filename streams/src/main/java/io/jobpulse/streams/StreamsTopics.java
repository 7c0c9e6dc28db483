package io.jobpulse.streams;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Topic housekeeping of the streams stage: rewind its input for re-enrichment (creation is in TopicProvisioning). */
public final class StreamsTopics {

    private StreamsTopics() {
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
