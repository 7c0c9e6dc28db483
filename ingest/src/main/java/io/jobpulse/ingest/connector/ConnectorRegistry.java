package io.jobpulse.ingest.connector;

import io.jobpulse.ingest.connector.arbeitnow.ArbeitnowConnector;
import io.jobpulse.ingest.connector.ashby.AshbyConnector;
import io.jobpulse.ingest.connector.file.FileImportConnector;
import io.jobpulse.ingest.connector.greenhouse.GreenhouseConnector;
import io.jobpulse.ingest.connector.hn.HnWhoIsHiringConnector;
import io.jobpulse.ingest.connector.jsonld.JsonLdConnector;
import io.jobpulse.ingest.connector.lever.LeverConnector;
import io.jobpulse.ingest.connector.personio.PersonioConnector;
import io.jobpulse.ingest.connector.recruitee.RecruiteeConnector;
import io.jobpulse.ingest.connector.remoteok.RemoteOkConnector;
import io.jobpulse.ingest.connector.remotive.RemotiveConnector;
import io.jobpulse.ingest.connector.themuse.TheMuseConnector;
import io.jobpulse.ingest.connector.workable.WorkableConnector;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The connectors {@code sources.yaml} can name. Registering a new board is one line in {@link #builtIn()}. */
public final class ConnectorRegistry {

    private final Map<String, JobBoardConnector> byName;

    private ConnectorRegistry(Map<String, JobBoardConnector> byName) {
        this.byName = byName;
    }

    public static ConnectorRegistry builtIn() {
        return of(
                new GreenhouseConnector(),
                new LeverConnector(),
                new AshbyConnector(),
                new WorkableConnector(),
                new RecruiteeConnector(),
                new PersonioConnector(),
                new RemotiveConnector(),
                new ArbeitnowConnector(),
                new RemoteOkConnector(),
                new TheMuseConnector(),
                new HnWhoIsHiringConnector(),
                new JsonLdConnector(),
                new FileImportConnector());
    }

    public static ConnectorRegistry of(JobBoardConnector... connectors) {
        Map<String, JobBoardConnector> m = new LinkedHashMap<>();
        for (JobBoardConnector c : connectors) {
            if (m.put(c.name(), c) != null) {
                throw new IllegalArgumentException("two connectors named " + c.name());
            }
        }
        return new ConnectorRegistry(m);
    }

    public Optional<JobBoardConnector> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<JobBoardConnector> all() {
        return byName.values();
    }
}
