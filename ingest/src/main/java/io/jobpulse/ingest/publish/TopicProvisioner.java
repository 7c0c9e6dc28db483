package io.jobpulse.ingest.publish;

import io.jobpulse.contracts.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Creates the topics ingest writes, from their {@link TopicSpec}s, when they do not exist yet. Idempotent. */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    public static void ensure(Admin admin, List<TopicSpec<?, ?>> specs) throws InterruptedException {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = specs.stream()
                    .filter(s -> !existing.contains(s.name()))
                    .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), Optional.empty()).configs(s.configs()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
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
            throw new IllegalStateException("Cannot create ingest topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
