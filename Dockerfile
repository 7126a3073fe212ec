# One image per service: docker build --build-arg MODULE=session-service -t clinic-ops/session-service .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN ./mvnw -B -ntp -pl ${MODULE} -am package -DskipTests

FROM eclipse-temurin:25-jre
ARG MODULE
RUN useradd --system --uid 10001 clinic
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar
USER clinic
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
