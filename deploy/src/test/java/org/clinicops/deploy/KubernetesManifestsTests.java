package org.clinicops.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicops.deploy.DeployFiles.at;
import static org.clinicops.deploy.DeployFiles.list;
import static org.clinicops.deploy.DeployFiles.map;

/** deploy/k8s: the base and the local overlay, rendered here and checked against Kubernetes' and KEDA's schemas. */
class KubernetesManifestsTests {

    private static final Path BASE = DeployFiles.file("deploy/k8s/base");
    private static final Path LOCAL = DeployFiles.file("deploy/k8s/overlays/local");
    private static final Set<String> SERVICES = Set.of("intake-service", "session-service", "notification-service",
            "audit-service", "gateway");

    @ParameterizedTest
    @ValueSource(strings = {"deploy/k8s/base", "deploy/k8s/overlays/local"})
    void everyManifestOfTheKustomizationFollowsTheSchemaOfItsKind(String kustomization) {
        List<Map<String, Object>> manifests = Kustomization.render(DeployFiles.file(kustomization));

        Map<String, List<String>> violations = new TreeMap<>();
        for (Map<String, Object> manifest : manifests) {
            List<String> wrong = Schemas.violations(Schemas.kubernetes(manifest), manifest);
            if (!wrong.isEmpty()) {
                violations.put(manifest.get("kind") + " " + Kustomization.metadata(manifest).get("name"), wrong);
            }
        }

        assertThat(manifests).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    @Test
    void aMisspelledFieldIsRefusedByTheSchema() {
        Map<String, Object> deployment = deployment(Kustomization.render(BASE), "gateway");
        Map<String, Object> container = map(list(at(deployment, "spec.template.spec.containers")).getFirst());
        container.put("readinessprobe", container.remove("readinessProbe"));

        assertThat(Schemas.violations(Schemas.kubernetes(deployment), deployment))
                .anySatisfy(violation -> assertThat(violation).contains("readinessprobe"));
    }

    @Test
    void aKindWithoutAVendoredSchemaIsAnErrorNotAPass() {
        Map<String, Object> ingress = Map.of("apiVersion", "networking.k8s.io/v1", "kind", "Ingress");

        assertThatThrownBy(() -> Schemas.kubernetes(ingress)).hasMessageContaining("No schema is vendored");
    }

    @Test
    void everyServiceRunsAsANonRootUserWithProbesOnItsHealthGroupsAndAMemoryLimit() {
        List<Map<String, Object>> manifests = Kustomization.render(LOCAL);

        for (String service : names(manifests, "Deployment")) {
            Map<String, Object> deployment = deployment(manifests, service);
            Map<String, Object> container = map(list(at(deployment, "spec.template.spec.containers")).getFirst());
            assertThat(at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).as(service).isEqualTo(true);
            assertThat(at(container, "securityContext.allowPrivilegeEscalation")).as(service).isEqualTo(false);
            assertThat(at(container, "securityContext.readOnlyRootFilesystem")).as(service).isEqualTo(true);
            assertThat(at(container, "readinessProbe.httpGet.path")).as(service).isEqualTo("/actuator/health/readiness");
            assertThat(at(container, "livenessProbe.httpGet.path")).as(service).isEqualTo("/actuator/health/liveness");
            assertThat(at(container, "startupProbe.httpGet.path")).as(service).isEqualTo("/actuator/health/liveness");
            // the heap is a share of the limit: a request without the same limit would let the JVM size itself wrong
            assertThat(at(container, "resources.limits.memory")).as(service)
                    .isNotNull().isEqualTo(at(container, "resources.requests.memory"));
        }
    }

    @Test
    void everyDeploymentHasAServiceAndADisruptionBudgetSelectingItsPods() {
        List<Map<String, Object>> manifests = Kustomization.render(LOCAL);

        Set<String> deployments = names(manifests, "Deployment");
        assertThat(deployments).containsAll(SERVICES).contains("authorization-server");
        for (String name : deployments) {
            Object pods = at(deployment(manifests, name), "spec.template.metadata.labels");
            assertThat(map(at(one(manifests, "Service", name), "spec.selector")).entrySet()).as(name)
                    .isSubsetOf(map(pods).entrySet());
            assertThat(map(at(one(manifests, "PodDisruptionBudget", name), "spec.selector.matchLabels")).entrySet())
                    .as(name).isSubsetOf(map(pods).entrySet());
        }
    }

    @Test
    void eachServiceReadsItsOwnConfigFileFromItsConfigMap() {
        List<Map<String, Object>> manifests = Kustomization.render(BASE);

        for (String service : SERVICES) {
            Map<String, Object> configMap = one(manifests, "ConfigMap", service + "-config");
            // Spring Boot reads config/<spring.config.name>.yml from the working directory over the jar's own
            Object file = map(configMap.get("data")).get(service + ".yml");
            assertThat(file).as(service).isInstanceOf(String.class);
            assertThat(DeployFiles.yaml((String) file)).as(service).isInstanceOf(Map.class);
            Map<String, Object> podSpec = map(at(deployment(manifests, service), "spec.template.spec"));
            Map<String, Object> container = map(list(podSpec.get("containers")).getFirst());
            String volume = list(podSpec.get("volumes")).stream().map(DeployFiles::map)
                    .filter(v -> (service + "-config").equals(at(v, "configMap.name")))
                    .map(v -> (String) v.get("name")).findFirst().orElseThrow();
            assertThat(list(container.get("volumeMounts")).stream().map(DeployFiles::map))
                    .as(service).anySatisfy(mount -> {
                        assertThat(mount.get("name")).isEqualTo(volume);
                        assertThat(mount.get("mountPath")).isEqualTo("/app/config");
                    });
        }
    }

    @Test
    void theConsumersScaleOnTheLagOfTheirOwnConsumerGroupsAndTheGatewayOnCpu() {
        List<Map<String, Object>> manifests = Kustomization.render(BASE);

        assertThat(names(manifests, "ScaledObject")).containsExactlyInAnyOrder("session-service",
                "notification-service");
        assertThat(consumerGroups(one(manifests, "ScaledObject", "session-service")))
                .isEqualTo(ServiceConfig.consumerGroups("session-service"));
        assertThat(consumerGroups(one(manifests, "ScaledObject", "notification-service")))
                .isEqualTo(ServiceConfig.consumerGroups("notification-service"));
        for (String consumer : List.of("session-service", "notification-service")) {
            Map<String, Object> scaled = one(manifests, "ScaledObject", consumer);
            assertThat(at(scaled, "spec.scaleTargetRef.name")).isEqualTo(consumer);
            // an instance beyond the topics' partitions (6) would get none to consume
            assertThat((Integer) at(scaled, "spec.maxReplicaCount")).isLessThanOrEqualTo(6);
            assertThat(at(deployment(manifests, consumer), "spec.replicas")).as("an autoscaled count").isNull();
        }
        Map<String, Object> gateway = one(manifests, "HorizontalPodAutoscaler", "gateway");
        assertThat(at(gateway, "spec.scaleTargetRef.name")).isEqualTo("gateway");
        assertThat(at(map(list(at(gateway, "spec.metrics")).getFirst()), "resource.name")).isEqualTo("cpu");
        assertThat(names(manifests, "HorizontalPodAutoscaler")).containsExactly("gateway");
    }

    @Test
    void theLocalOverlayPatchesOnlyWhatExistsAndTagsOnlyImagesInUse() {
        List<Map<String, Object>> manifests = Kustomization.render(LOCAL);

        assertThat(manifests).allSatisfy(manifest ->
                assertThat(Kustomization.metadata(manifest).get("namespace")).isEqualTo("clinic-ops"));
        assertThat(at(one(manifests, "ScaledObject", "session-service"), "spec.minReplicaCount")).isEqualTo(1);
        assertThat(map(one(manifests, "Secret", "notification-service-credentials").get("stringData")))
                .doesNotContainKey("NOTIFICATION_PARTNER_SECRETKEY");
        assertThat(map(list(at(deployment(manifests, "gateway"), "spec.template.spec.containers")).getFirst())
                .get("image")).isEqualTo("clinic-ops/gateway:local");
    }

    private static Set<String> consumerGroups(Map<String, Object> scaledObject) {
        return list(at(scaledObject, "spec.triggers")).stream().map(DeployFiles::map)
                .map(trigger -> (String) at(trigger, "metadata.consumerGroup"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(List<Map<String, Object>> manifests, String kind) {
        return manifests.stream().filter(manifest -> kind.equals(manifest.get("kind")))
                .map(manifest -> (String) Kustomization.metadata(manifest).get("name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> deployment(List<Map<String, Object>> manifests, String name) {
        return one(manifests, "Deployment", name);
    }

    private static Map<String, Object> one(List<Map<String, Object>> manifests, String kind, String name) {
        List<Map<String, Object>> found = manifests.stream()
                .filter(manifest -> kind.equals(manifest.get("kind")))
                .filter(manifest -> name.equals(Kustomization.metadata(manifest).get("name")))
                .toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.getFirst();
    }
}
