# syntax=docker/dockerfile:1
# One image for every role; the command picks it (ship, streams, alerts, topics, ...).
# Build: docker build -t relaywatch .    Run: docker run --rm relaywatch --help

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl cli -am package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
# A system user in group adm, which may read /var/log/mail.log on Debian and Ubuntu hosts.
RUN groupadd --system relaywatch \
 && useradd --system --gid relaywatch --groups adm --home-dir /var/lib/relaywatch \
      --shell /usr/sbin/nologin relaywatch \
 && mkdir -p /var/lib/relaywatch /etc/relaywatch \
 && chown relaywatch:relaywatch /var/lib/relaywatch
COPY --from=build /src/cli/target/relaywatch.jar /opt/relaywatch/relaywatch.jar
COPY --from=build /src/cli/target/lib/ /opt/relaywatch/lib/
USER relaywatch
WORKDIR /var/lib/relaywatch
# ship 9611, streams 9612 (metrics, health, offenders API), alerts 9613.
EXPOSE 9611 9612 9613
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/relaywatch/relaywatch.jar"]
CMD ["--help"]
