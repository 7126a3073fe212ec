package org.clinicops.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics the Grafana dashboard and the Prometheus alert rules read from a service, as the deploy module lists
 * them ({@code deploy/observability/metrics/<service>.txt}, one Prometheus sample name a line): each service's tests
 * check that its real scrape has every one, and the deploy module's that the dashboard and the rules read no other.
 * A metric renamed or gone fails the first; a panel or rule on a name nobody exposes fails the second.
 */
public final class ReliedOnMetrics {

    private ReliedOnMetrics() {
    }

    /** Waits until the scrape ({@code /actuator/prometheus}) has every metric listed for the service. */
    public static void assertExposed(String service, Supplier<String> scrape) {
        List<String> reliedOn = listedFor(service);
        assertThat(reliedOn).as("metrics listed for " + service).isNotEmpty();
        // some appear only once a client has run a while: the binder's consumers report their lag after a fetch
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sampleNames(scrape.get()))
                .as("what the dashboard and the alert rules read from " + service).containsAll(reliedOn));
    }

    static List<String> listedFor(String service) {
        // tests run in their module's directory, beside the deploy module
        Path list = Path.of("..", "deploy", "observability", "metrics", service + ".txt");
        try {
            return Files.readAllLines(list).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample names of a Prometheus text exposition: {@code name{labels} value} lines, comments skipped. */
    static Set<String> sampleNames(String exposition) {
        return exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }
}
