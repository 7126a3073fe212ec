# syntax=docker/dockerfile:1
# One image per service: docker build --build-arg MODULE=session-service -t clinic-ops/session-service .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# The build files first, and Maven's repository in a build cache: a change to the code alone downloads nothing.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY clinic-events/pom.xml clinic-events/
COPY clinic-support/pom.xml clinic-support/
COPY authorization-server/pom.xml authorization-server/
COPY intake-service/pom.xml intake-service/
COPY session-service/pom.xml session-service/
COPY notification-service/pom.xml notification-service/
COPY audit-service/pom.xml audit-service/
COPY gateway/pom.xml gateway/
COPY clinic-local/pom.xml clinic-local/
COPY deploy/pom.xml deploy/
ARG MODULE
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q -pl ${MODULE} -am dependency:go-offline
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -pl ${MODULE} -am package -DskipTests \
    && java -Djarmode=tools -jar ${MODULE}/target/${MODULE}-*-exec.jar extract --layers --launcher --destination /app

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 clinic
WORKDIR /app
# Least changing first, so a new build of the code replaces only the last layer.
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
COPY deploy/readiness-check /usr/local/bin/readiness-check
USER 10001
# The heap follows the container's memory limit (compose mem_limit, Kubernetes resources.limits.memory).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
