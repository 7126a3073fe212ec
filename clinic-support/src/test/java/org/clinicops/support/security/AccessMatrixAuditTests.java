package org.clinicops.support.security;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each route writes to the audit trail is said twice, in {@code docs/access-matrix.json} (the contract) and in
 * the rows the services enforce ({@link AccessMatrix}, which the request-audit filter reads): the two must agree.
 */
class AccessMatrixAuditTests {

    private static final Map<String, AccessMatrix.Audit> KINDS = Map.of("patient-read", AccessMatrix.Audit.READ,
            "patient-write", AccessMatrix.Audit.WRITE, "config", AccessMatrix.Audit.CONFIG,
            "none", AccessMatrix.Audit.NONE);
    private static final Map<AccessMatrix.Service, String> OWNERS = Map.of(
            AccessMatrix.Service.INTAKE, "intake-service", AccessMatrix.Service.SESSION, "session-service",
            AccessMatrix.Service.NOTIFICATION, "notification-service", AccessMatrix.Service.AUDIT, "audit",
            AccessMatrix.Service.GATEWAY, "gateway", AccessMatrix.Service.EACH_SERVICE, "each service");
    private static final List<AccessMatrix.Route> ROWS = Stream.concat(AccessMatrix.all().stream(),
            Stream.of(AccessMatrix.DEAD_LETTER_REPLAY)).toList();

    @Test
    void everyRowWritesToTheTrailWhatTheMatrixFileSays() throws Exception {
        List<JsonNode> rows = JsonMapper.builder().build()
                .readTree(Files.readString(Path.of("..", "docs", "access-matrix.json"))).get("routes")
                .valueStream().toList();
        List<String> disagreements = new ArrayList<>();
        for (AccessMatrix.Route route : ROWS) {
            // the gateway's row for /internal/** is its 404, not the owner's read
            List<AccessMatrix.Audit> inFile = rows.stream()
                    .filter(row -> row.get("method").asString().equals(route.method().name())
                            && row.get("path").asString().equals(route.path())
                            && row.get("owner").asString().equals(OWNERS.get(route.service()))
                            && !(route.internal() && row.get("target").asString().equals("gateway")))
                    .map(row -> KINDS.get(row.get("audit").asString())).distinct().toList();
            if (!inFile.equals(List.of(route.audit()))) {
                disagreements.add(route.method() + " " + route.path() + ": " + route.audit() + " here, " + inFile
                        + " in the file");
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void everyRouteOfAServiceThatTheFileAuditsHasARowThatAuditsIt() throws Exception {
        List<JsonNode> rows = JsonMapper.builder().build()
                .readTree(Files.readString(Path.of("..", "docs", "access-matrix.json"))).get("routes")
                .valueStream().toList();
        List<String> missing = rows.stream()
                .filter(row -> !row.get("audit").asString().equals("none"))
                // the gateway, which has no outbox, records nothing: its demo clock is a trainer's tool
                .filter(row -> !row.get("owner").asString().equals("gateway"))
                .filter(row -> ROWS.stream().noneMatch(route ->
                        route.method().name().equals(row.get("method").asString())
                                && route.path().equals(row.get("path").asString())
                                && route.audit() == KINDS.get(row.get("audit").asString())))
                .map(row -> row.get("method").asString() + " " + row.get("path").asString())
                .toList();
        assertThat(missing).isEmpty();
    }
}
