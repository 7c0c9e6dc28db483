package io.jobpulse.demo.run;

import io.jobpulse.demo.corpus.CorpusSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the demo pipeline.
 *
 * @param dataDir  where the embedded stack, the streams state, the corpus, its ground truth and sources.yaml live
 * @param corpus   the sample corpus to generate and serve (ignored when {@code sources} is given)
 * @param apiPort  port of the query API and dashboards (0: any free port)
 * @param sources  a sources.yaml of real boards to ingest instead of the sample boards, or null
 * @param catchUp  longest wait for streams and the sink to process one day's ingest
 */
public record DemoSettings(Path dataDir, CorpusSettings corpus, int apiPort, Path sources, Duration catchUp) {

    public static final String STREAMS_APPLICATION_ID = "jobpulse-demo-streams";
    public static final String SINK_GROUP = "jobpulse-demo-sink";
    public static final String INGEST_TRANSACTIONAL_ID = "jobpulse-demo-ingest";

    public boolean sampleBoards() {
        return sources == null;
    }
}
