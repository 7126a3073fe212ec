package org.clinicops.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.deploy.DeployFiles.at;
import static org.clinicops.deploy.DeployFiles.list;
import static org.clinicops.deploy.DeployFiles.map;

/** docker-compose.yml, checked against the compose specification's schema and the rules of a hardened stack. */
class ComposeFileTests {

    private static final Set<String> OBSERVABILITY = Set.of("prometheus", "grafana");
    private static final Set<String> SPRING_SERVICES = Set.of("authorization-server", "intake-service",
            "session-service", "notification-service", "audit-service", "gateway");

    private final Map<String, Object> compose = DeployFiles.document(DeployFiles.file("docker-compose.yml"));
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void followsTheComposeSpecification() {
        assertThat(Schemas.violations(Schemas.COMPOSE, compose)).isEmpty();
    }

    @Test
    void aMisspelledKeyIsRefusedByTheSchema() {
        map(services.get("gateway")).put("healthchek", map(services.get("gateway")).remove("healthcheck"));

        assertThat(Schemas.violations(Schemas.COMPOSE, compose))
                .anySatisfy(violation -> assertThat(violation).contains("healthchek"));
    }

    @Test
    void everyContainerHasAHealthcheckAndAMemoryLimit() {
        services.forEach((name, service) -> {
            assertThat(at(map(service), "healthcheck.test")).as(name).isNotNull();
            assertThat(map(service).get("mem_limit")).as(name).isNotNull();
        });
    }

    @Test
    void theSpringServicesAreReadyWhenTheirReadinessGroupIs() {
        for (String name : SPRING_SERVICES) {
            assertThat(list(at(map(services.get(name)), "healthcheck.test"))).as(name)
                    .startsWith("CMD", "readiness-check");
        }
    }

    @Test
    void aServiceStartsOnlyOnceWhatItDependsOnIsHealthyOrStarted() {
        services.forEach((name, service) -> {
            Object dependsOn = map(service).get("depends_on");
            if (dependsOn != null) {
                assertThat(dependsOn).as("%s lists its dependencies with a condition each", name).isInstanceOf(Map.class);
                map(dependsOn).forEach((dependency, condition) ->
                        assertThat(at(map(condition), "condition")).as("%s on %s", name, dependency).isNotNull());
            }
        });
        assertThat(map(at(map(services.get("gateway")), "depends_on")).keySet())
                .containsExactlyInAnyOrder("intake-service", "session-service", "notification-service",
                        "audit-service");
        assertThat(map(at(map(services.get("session-service")), "depends_on")))
                .containsEntry("kafka", Map.of("condition", "service_healthy"))
                .containsEntry("postgres", Map.of("condition", "service_healthy"));
    }

    @Test
    void onlyTheGatewayAndTheIssuerArePublishedOnTheHost_andGrafanaOnLoopbackInTheObservabilityProfile() {
        Set<String> published = new TreeSet<>();
        services.forEach((name, service) -> {
            if (map(service).containsKey("ports") && !map(service).containsKey("profiles")) {
                published.add(name);
            }
        });

        assertThat(published).containsExactly("authorization-server", "gateway");
        assertThat(list(map(services.get("grafana")).get("ports"))).singleElement().asString()
                .startsWith("127.0.0.1:");
        assertThat(map(services.get("prometheus"))).doesNotContainKey("ports");
    }

    @Test
    void prometheusAndGrafanaRunOnlyInTheObservabilityProfile_readingTheRepositorysFilesReadOnly() {
        services.forEach((name, service) -> assertThat(list(map(service).get("profiles"))).as(name)
                .isEqualTo(OBSERVABILITY.contains(name) ? List.of("observability") : List.of()));
        for (String name : OBSERVABILITY) {
            List<String> mounts = list(map(services.get(name)).get("volumes")).stream().map(String.class::cast)
                    .filter(volume -> volume.startsWith("./")).toList();
            assertThat(mounts).as(name).isNotEmpty().allSatisfy(mount -> {
                assertThat(mount).endsWith(":ro");
                assertThat(DeployFiles.file(mount.substring(2, mount.indexOf(':')))).exists();
            });
        }
        assertThat(map(at(map(services.get("grafana")), "depends_on")))
                .containsEntry("prometheus", Map.of("condition", "service_healthy"));
    }

    @Test
    void kafkaWritesItsDataIntoItsVolume() {
        Map<String, Object> kafka = map(services.get("kafka"));
        Object logDirs = at(kafka, "environment.KAFKA_LOG_DIRS");

        assertThat(logDirs).as("the image's default is under /tmp, outside any volume").isNotNull();
        assertThat(list(kafka.get("volumes"))).contains("kafka-data:" + logDirs);
    }

    @Test
    void eachServiceLogsInToItsOwnDatabaseWithItsOwnRole() {
        Set<String> roles = new TreeSet<>();
        for (String name : Set.of("intake-service", "session-service", "notification-service")) {
            Map<String, Object> environment = map(map(services.get(name)).get("environment"));
            String url = (String) environment.get("SPRING_DATASOURCE_URL");
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).as(name).isEqualTo(database);
            roles.add(database);
        }
        assertThat(roles).containsExactly("intake", "notification", "session");
        assertThat(DeployFiles.file("deploy/postgres-init.sh")).content()
                .contains("for service in intake session notification");
    }

    /** No clinical service's credentials, nor audit-service's own application user, can edit the audit trail. */
    @Test
    void theAuditServiceConnectsAsAUserThatDoesNotOwnItsDatabase() {
        Map<String, Object> environment = map(map(services.get("audit-service")).get("environment"));

        assertThat(environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/audit");
        assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo("audit_app");
        assertThat(environment.get("SPRING_FLYWAY_USER")).isEqualTo("audit");
        assertThat(DeployFiles.file("deploy/postgres-init.sh")).content()
                .contains("for service in intake session notification audit")
                .contains("create role audit_app login");
    }

    @Test
    void theClinicZoneIsGivenOnceToEveryService() {
        for (String name : Set.of("intake-service", "session-service", "notification-service", "gateway")) {
            Map<String, Object> environment = map(map(services.get(name)).get("environment"));
            assertThat(environment).as(name).containsEntry("CLINIC_ZONE", "${CLINIC_ZONE:-America/Los_Angeles}");
            assertThat(environment.keySet()).as(name).noneMatch(variable -> variable.endsWith("_CLINIC_ZONE"));
        }
    }
}
