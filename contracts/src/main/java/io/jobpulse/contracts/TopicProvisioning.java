package io.jobpulse.contracts;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the topics a stage reads and writes from their {@link TopicSpec}s, when they do not exist yet. Every stage
 * uses this one place, so partitions and configs always come from {@link Topics}.
 */
public final class TopicProvisioning {

    private TopicProvisioning() {
    }

    /** Creates the missing ones. Idempotent, and safe when another instance races to create them. */
    public static void ensure(Admin admin, List<TopicSpec<?, ?>> specs) throws InterruptedException {
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
            throw new IllegalStateException("Cannot create topics " + specs.stream().map(TopicSpec::name).toList()
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
