# jobpulse services image (ingest, streams, analytics): docker compose builds it as jobpulse:local.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
# Only the CLI and what it needs; tests run in CI, not in the image build.
RUN mvn -B -q -DskipTests -pl cli -am package

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 jobpulse
WORKDIR /app
COPY --from=build /src/cli/target/jobpulse-cli.jar /app/jobpulse-cli.jar
COPY --from=build /src/cli/target/lib /app/lib
USER jobpulse
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:MaxRAMPercentage=75", \
            "-cp", "/app/jobpulse-cli.jar:/app/lib/*", "io.jobpulse.cli.Jobpulse"]
CMD ["--help"]
