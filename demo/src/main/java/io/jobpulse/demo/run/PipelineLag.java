package io.jobpulse.demo.run;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * How far the streams stage and the sink are behind, from their consumer groups' committed offsets against the
 * committed end of their input topics (read_committed, as they read). Under exactly-once a committed offset can stop
 * just before a transaction marker, so one record per partition of "lag" can be a marker; caught up therefore means
 * at most that, stably, over two looks a commit interval apart.
 */
final class PipelineLag {

    private final Admin admin;
    private final List<String> groups;

    PipelineLag(Admin admin, List<String> groups) {
        this.admin = admin;
        this.groups = List.copyOf(groups);
    }

    /** Records not yet consumed beyond markers: sum over the groups' partitions of (end - committed - 1, at least 0). */
    long lag() throws InterruptedException {
        long lag = 0;
        try {
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                if (committed.isEmpty()) {
                    return Long.MAX_VALUE; // not started consuming yet
                }
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
                for (var e : committed.entrySet()) {
                    long end = ends.get(e.getKey()).offset();
                    long at = e.getValue() == null ? 0 : e.getValue().offset();
                    lag += Math.max(0, end - at - 1);
                }
            }
        } catch (ExecutionException e) {
            return Long.MAX_VALUE;
        }
        return lag;
    }

    /** Waits until the pipeline has consumed everything committed so far; false when {@code timeout} passed first. */
    boolean awaitCaughtUp(Duration timeout, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietLooks = 0;
        while (System.nanoTime() < deadline) {
            quietLooks = lag() == 0 ? quietLooks + 1 : 0;
            if (quietLooks >= 2) {
                return true;
            }
            Thread.sleep(settle.toMillis());
        }
        return false;
    }
}
