package io.jobpulse.contracts;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the topics a stage reads and writes from their {@link TopicSpec}s, when they do not exist yet, and waits
 * until every partition has a leader. Every stage uses this one place, so partitions and configs always come from
 * {@link Topics}.
 *
 * <p>Why wait: a topic exists for the controller before its partitions have leaders. A producer that writes right
 * after creation can get NOT_LEADER_OR_FOLLOWER for its first batch while later in-flight batches land; with
 * idempotence the retried first batch then fails with OUT_OF_ORDER_SEQUENCE_NUMBER for good. Returning only when
 * leaders are known lets callers create and immediately produce.
 */
public final class TopicProvisioning {

    /** Long enough for a loaded single-broker test cluster; a healthy cluster elects leaders in well under a second. */
    public static final Duration DEFAULT_LEADER_TIMEOUT = Duration.ofSeconds(60);

    private TopicProvisioning() {
    }

    /** Creates the missing ones and waits up to {@link #DEFAULT_LEADER_TIMEOUT} for their leaders. */
    public static void ensure(Admin admin, List<TopicSpec<?, ?>> specs) throws InterruptedException {
        ensure(admin, specs, DEFAULT_LEADER_TIMEOUT);
    }

    /**
     * Creates the missing ones, then waits until every partition of every listed topic has a leader. Idempotent, and
     * safe when another instance races to create them.
     *
     * @throws IllegalStateException when a topic cannot be created, or some partition still has no leader after
     *                               {@code leaderTimeout} (the message names them)
     */
    public static void ensure(Admin admin, List<TopicSpec<?, ?>> specs, Duration leaderTimeout) throws InterruptedException {
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = specs.stream()
                    .filter(s -> !existing.contains(s.name()))
                    .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), Optional.empty()).configs(s.configs()))
                    .toList();
            for (var created : admin.createTopics(missing).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        }
        awaitLeaders(admin, names, leaderTimeout);
    }

    /** Polls the cluster's metadata until every partition of {@code topics} has a leader, or fails after the timeout. */
    static void awaitLeaders(Admin admin, List<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waitingFor = List.of("metadata of " + topics);
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
                waitingFor = leaderless(described);
                if (waitingFor.isEmpty()) {
                    // The metadata names a leader a moment before that broker's replica manager acts as one (and
                    // answers NOT_LEADER_OR_FOLLOWER until then): ask every leader for its log end to be sure.
                    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                    described.forEach((name, d) -> d.partitions().forEach(p ->
                            ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    admin.listOffsets(ends, new ListOffsetsOptions().timeoutMs((int) Math.min(left, Integer.MAX_VALUE)))
                            .all().get();
                    return;
                }
            } catch (ExecutionException e) {
                // Just created: the broker answering may not know the topic yet, or not lead it yet (both retriable).
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("Cannot describe topics " + topics + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
                waitingFor = List.of("leaders of " + topics + " (" + e.getCause().getClass().getSimpleName() + ")");
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("Topics exist but have no partition leader after " + timeout.toSeconds()
                        + " s: " + waitingFor + ". Is every broker up and the controller quorum healthy?");
            }
            Thread.sleep(50);
        }
    }

    private static List<String> leaderless(Map<String, TopicDescription> described) {
        List<String> out = new ArrayList<>();
        described.forEach((name, d) -> {
            for (TopicPartitionInfo p : d.partitions()) {
                if (p.leader() == null || p.leader().isEmpty()) {
                    out.add(name + "-" + p.partition());
                }
            }
        });
        return out;
    }
}
