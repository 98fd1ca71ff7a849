# One image recipe for the three services: docker build --build-arg MODULE=enrich-service .
# Build stage: compile the module and what it depends on; the runtime stage carries only its jar and libraries.
ARG MODULE=ingest-service

FROM maven:3.9.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY pom.xml .
COPY serde/pom.xml serde/
COPY schemas/pom.xml schemas/
COPY platform/pom.xml platform/
COPY devstack/pom.xml devstack/
COPY knowledge/pom.xml knowledge/
COPY alert-rules/pom.xml alert-rules/
COPY ingest-service/pom.xml ingest-service/
COPY enrich-service/pom.xml enrich-service/
COPY alert-service/pom.xml alert-service/
COPY launcher/pom.xml launcher/
COPY test-report/pom.xml test-report/
RUN mvn -B -q -pl ${MODULE} -am dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -pl ${MODULE} -am package -DskipTests \
 && mkdir -p /app \
 && cp ${MODULE}/target/${MODULE}-*.jar /app/app.jar \
 && cp -r ${MODULE}/target/lib /app/lib

FROM eclipse-temurin:17.0.15_6-jre
ARG MODULE
ENV WIREWATCH_MODULE=${MODULE}
RUN useradd --system --uid 10001 wirewatch && mkdir -p /var/lib/wirewatch && chown wirewatch /var/lib/wirewatch
# curl is used by the compose healthchecks.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app /app
USER wirewatch
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
