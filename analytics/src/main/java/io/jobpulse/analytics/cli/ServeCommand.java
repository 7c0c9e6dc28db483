package io.jobpulse.analytics.cli;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.api.ApiServer;
import io.jobpulse.analytics.schema.SchemaMigrator;
import io.jobpulse.analytics.sink.ClickHouseSink;
import io.jobpulse.analytics.sink.SinkSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./jobpulse serve}: the query API, {@code /openapi.json}, {@code /health} and the dashboards; with
 * {@code --with-sink} also the Kafka-to-ClickHouse sink in the same process (as docker-compose runs it).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the query API and dashboards (http://127.0.0.1:PORT/roles/backend); optionally run the sink too.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    EndpointOptions endpoints;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only); 0.0.0.0 for every "
                    + "interface, as the container does. The API has no authentication of its own.")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--with-sink", description = "Also run the Kafka-to-ClickHouse sink in this process.")
    boolean withSink;

    @Option(names = "--cache-ttl", defaultValue = "PT" + ApiServer.DEFAULT_CACHE_SECONDS + "S",
            description = "How long role summaries and trends are reused per role and window; PT0S disables (default: ${DEFAULT-VALUE}).")
    java.time.Duration cacheTtl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClickHouseSink sink = null;
        ClickHouseSettings clickHouse;
        Thread sinkThread = null;
        if (withSink) {
            SinkSettings settings = endpoints.sink();
            clickHouse = settings.clickHouse();
            sink = new ClickHouseSink(settings);
            // The sink applies the migrations itself (retrying until ClickHouse is up).
            sinkThread = Thread.ofPlatform().name("clickhouse-sink").start(sink);
        } else {
            clickHouse = endpoints.clickHouse();
            try {
                new SchemaMigrator(clickHouse).migrate();
            } catch (java.sql.SQLException e) {
                log.warn("Migrations not applied (ClickHouse unavailable?): {}; the API answers 503 until it is up", e.getMessage());
            }
        }
        final ClickHouseSink runningSink = sink;
        CountDownLatch stopped = new CountDownLatch(1);
        try (ApiServer api = ApiServer.start(clickHouse, new InetSocketAddress(host, port), Clock.systemUTC(),
                () -> runningSink == null ? null : runningSink.status(), cacheTtl)) {
            spec.commandLine().getOut().printf("Serving on http://%s:%d/roles/backend%s%n", host, api.port(),
                    withSink ? " (sink running)" : "");
            spec.commandLine().getOut().flush();
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "serve-shutdown"));
            stopped.await();
        } finally {
            if (sink != null) {
                sink.close();
                sinkThread.join(10_000);
            }
        }
        return 0;
    }
}
