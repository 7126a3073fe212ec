package org.clinicops.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.deploy.DeployFiles.at;
import static org.clinicops.deploy.DeployFiles.list;
import static org.clinicops.deploy.DeployFiles.map;

/**
 * The Grafana dashboard and the Prometheus alert rules read only metrics the services really expose: each service's
 * tests check that its scrape has every name of its list in {@code deploy/observability/metrics}, and these check
 * that the dashboard and the rules read no name missing from those lists. The rules are in the shape Prometheus
 * loads, each with a runbook in docs/operations.md.
 */
class ObservabilityFilesTests {

    static final Path OBSERVABILITY = DeployFiles.file("deploy/observability");
    /** Prometheus's own: 1 while it can scrape an instance. */
    static final Set<String> PROMETHEUS_METRICS = Set.of("up");
    static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");
    static final Set<String> SEVERITIES = Set.of("page", "ticket");

    final JsonNode dashboard = JsonMapper.builder().build()
            .readTree(OBSERVABILITY.resolve("grafana/dashboards/clinic-ops.json").toFile());
    final Map<String, Object> rules =
            DeployFiles.document(OBSERVABILITY.resolve("prometheus/rules/clinic-ops.rules.yml"));

    @Test
    void theDashboardAndTheRulesReadOnlyMetricsTheServicesExpose() {
        Set<String> exposed = new TreeSet<>(PROMETHEUS_METRICS);
        listed().values().forEach(exposed::addAll);

        for (String expression : dashboardExpressions()) {
            assertThat(PromQl.metricNames(expression)).as("panel query %s", expression).isNotEmpty()
                    .isSubsetOf(exposed);
        }
        for (Map<String, Object> rule : rules()) {
            assertThat(PromQl.metricNames((String) rule.get("expr"))).as("alert %s", rule.get("alert")).isNotEmpty()
                    .isSubsetOf(exposed);
        }
    }

    @Test
    void everyListedMetricHasAPanel() {
        Set<String> shown = new TreeSet<>();
        dashboardExpressions().forEach(expression -> shown.addAll(PromQl.metricNames(expression)));

        listed().forEach((list, names) -> assertThat(shown).as(list).containsAll(names));
    }

    @Test
    void theMetricNamesOfAQueryAreFoundAndNothingElse() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (job, le) "
                + "(rate(http_server_requests_seconds_bucket{status=~\"5..\", uri!=\"/x\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQl.metricNames("sum(rate(a_sum[5m])) / sum(rate(a_count[5m])) > 1e3 and on (job) up == 0"))
                .containsExactly("a_count", "a_sum", "up");
    }

    @Test
    void theDashboardIsGrafanaJsonWithAUidAndEveryPanelOnTheProvisionedDataSource() {
        assertThat(dashboard.path("uid").asString()).isEqualTo("clinic-ops");
        String dataSourceUid = (String) at(map(list(DeployFiles.document(
                OBSERVABILITY.resolve("grafana/provisioning/datasources/prometheus.yml")).get("datasources"))
                .getFirst()), "uid");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asString().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                        .isEqualTo(dataSourceUid);
                assertThat(panel.path("targets").isEmpty()).as(panel.path("title").asString()).isFalse();
            }
        }
    }

    @Test
    void everyRuleHasAnExpressionADurationASeverityAndItsAnnotations() {
        assertThat(list(rules.get("groups"))).isNotEmpty().allSatisfy(group -> {
            assertThat(map(group).get("name")).isInstanceOf(String.class);
            assertThat(list(map(group).get("rules"))).isNotEmpty();
        });
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> rule : rules()) {
            String name = (String) rule.get("alert");
            assertThat(name).as("every rule is an alert with a name").isNotBlank();
            assertThat(names.add(name)).as("%s is named once", name).isTrue();
            assertThat(rule.get("expr")).as(name).isInstanceOf(String.class);
            assertThat((String) rule.get("for")).as(name).matches(DURATION);
            assertThat(at(rule, "labels.severity")).as(name).isIn(SEVERITIES);
            assertThat(map(rule.get("annotations"))).as(name).containsKeys("summary", "description", "runbook");
            assertThat(rule.keySet()).as(name).isSubsetOf("alert", "expr", "for", "labels", "annotations");
        }
        assertThat(names).contains("ServiceDown", "ConsumerLagHigh", "OutboxEventWaiting", "DeadLetters",
                "NotificationsWaiting", "CrisisMessageWaiting", "WebhookDeliveriesFailing");
    }

    @Test
    void everyRunbookIsASectionOfTheOperationsGuide() throws IOException {
        String guide = Files.readString(DeployFiles.file("docs/operations.md"));
        Set<String> anchors = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^#+ (.+)$").matcher(guide);
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        for (Map<String, Object> rule : rules()) {
            String runbook = (String) at(rule, "annotations.runbook");
            assertThat(runbook).as("%s", rule.get("alert")).startsWith("docs/operations.md#");
            assertThat(anchors).as("%s", rule.get("alert")).contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void prometheusScrapesEachServiceWithAListOfMetrics_atItsActuator_withAnOpsToken() {
        Map<String, Object> prometheus = DeployFiles.document(OBSERVABILITY.resolve("prometheus/prometheus.yml"));
        Map<String, Object> jobs = new TreeMap<>();
        list(prometheus.get("scrape_configs")).forEach(job -> jobs.put((String) map(job).get("job_name"), job));

        Set<String> services = new TreeSet<>(listed().keySet());
        services.remove("partner-webhooks");
        assertThat(jobs.keySet()).isEqualTo(services);
        jobs.forEach((job, config) -> {
            assertThat(map(config).get("metrics_path")).as(job).isEqualTo("/actuator/prometheus");
            // the metrics answer an OPS token only
            assertThat(map(map(config).get("oauth2")).get("token_url")).as(job)
                    .isEqualTo("http://authorization-server:9000/oauth2/token");
            assertThat(list(at(map(list(map(config).get("dns_sd_configs")).getFirst()), "names"))).as(job)
                    .containsExactly(job);
        });
        assertThat(list(prometheus.get("rule_files"))).containsExactly("/etc/prometheus/rules/*.yml");
    }

    /** Each list of deploy/observability/metrics by its name (a service, or a part of one checked on its own). */
    static Map<String, List<String>> listed() {
        Map<String, List<String>> lists = new TreeMap<>();
        try (Stream<Path> files = Files.list(OBSERVABILITY.resolve("metrics"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                lists.put(file.getFileName().toString().replace(".txt", ""), Files.readAllLines(file).stream()
                        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lists;
    }

    private List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
        }
        assertThat(expressions).isNotEmpty();
        return expressions;
    }

    private List<Map<String, Object>> rules() {
        List<Map<String, Object>> all = new ArrayList<>();
        list(rules.get("groups")).forEach(group -> list(map(group).get("rules")).forEach(rule -> all.add(map(rule))));
        return all;
    }
}
