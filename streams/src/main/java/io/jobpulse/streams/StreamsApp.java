package io.jobpulse.streams;

import io.jobpulse.contracts.TopicProvisioning;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * One running instance of the streams stage: the topology on the registry-backed serdes under the given settings.
 * Start as many as you like with the same application id (each with its own state directory): they share the
 * six input partitions' tasks.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    private final KafkaStreams streams;

    private StreamsApp(KafkaStreams streams) {
        this.streams = streams;
    }

    public static Topology topology(StreamsSettings settings, PostingEnrichment enrichment) {
        StreamsBuilder builder = new StreamsBuilder();
        PostingTopology.build(builder, settings.topics(), TopologySerdes.registry(settings.registry()), enrichment,
                settings.dedupe(), settings.aggregateEmitInterval());
        return builder.build(settings.toProperties());
    }

    /** Creates missing topics, then starts the instance (it joins the group and restores state in the background). */
    public static StreamsApp start(StreamsSettings settings, PostingEnrichment enrichment, KafkaStreams.StateListener listener)
            throws InterruptedException {
        try (Admin admin = admin(settings)) {
            TopicProvisioning.ensure(admin, settings.topics().specs());
        }
        KafkaStreams streams = new KafkaStreams(topology(settings, enrichment), settings.toProperties());
        // Poison records never get here (they become dead letters); what does is a bug or an infrastructure failure.
        // Stop this instance rather than skip data: exactly-once state stays consistent and an operator (or the
        // orchestrator) restarts it after a look at the log.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread failed; shutting this instance down", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        if (listener != null) {
            streams.setStateListener(listener);
        }
        streams.start();
        return new StreamsApp(streams);
    }

    public static Admin admin(StreamsSettings settings) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()));
    }

    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Clean stop: finishes the current transaction and leaves the group. */
    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
