package org.clinicops.support.testing;

import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a running application to the repository's access matrix ({@code docs/access-matrix.json}): every route it
 * serves has a row, and each row it answers gives every role exactly the matrix's answer, with fresh random ids
 * (an allowed role meets the service's own logic: any answer but 401 or 403). Every token that is not the issuer's
 * valid RS256 token for clinic-ops is a 401.
 */
public final class AccessMatrixProbe {

    /** One request as the probe sends it; {@code authorization} and {@code correlationId} null for none. */
    public record Request(HttpMethod method, String uri, String authorization, String jsonBody,
                          String correlationId) {
    }

    /** The answer's status and headers. */
    public record Answer(int status, HttpHeaders headers) {
    }

    /** Sends a request to the application under test: through MockMvc or real HTTP. */
    @FunctionalInterface
    public interface Client {
        Answer send(Request request);
    }

    /** Real HTTP to an application listening at {@code baseUrl}, as a caller that bypasses nothing. */
    public static Client overHttp(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return request -> {
            HttpRequest.Builder sent = HttpRequest.newBuilder(URI.create(baseUrl + request.uri()))
                    .timeout(Duration.ofSeconds(30))
                    .method(request.method().name(), request.jsonBody() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.jsonBody()));
            if (request.jsonBody() != null) {
                sent.header(HttpHeaders.CONTENT_TYPE, "application/json");
            }
            if (request.authorization() != null) {
                sent.header(HttpHeaders.AUTHORIZATION, request.authorization());
            }
            if (request.correlationId() != null) {
                sent.header(CORRELATION_ID, request.correlationId());
            }
            try {
                HttpResponse<Void> answer = http.send(sent.build(), HttpResponse.BodyHandlers.discarding());
                HttpHeaders headers = new HttpHeaders();
                answer.headers().map().forEach(headers::addAll);
                return new Answer(answer.statusCode(), headers);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * Through the application's whole filter chain in MockMvc ({@code @AutoConfigureMockMvc}), without the care
     * team's default token ({@link DefaultTestToken}): each request carries the probe's token or none.
     */
    public static Client overMockMvc(MockMvcTester mvc) {
        return request -> {
            MockMvcTester.MockMvcRequestBuilder sent = mvc.method(request.method()).uri(URI.create(request.uri()));
            if (request.authorization() == null) {
                sent.with(DefaultTestToken.withoutToken());
            } else {
                sent.header(HttpHeaders.AUTHORIZATION, request.authorization());
            }
            if (request.jsonBody() != null) {
                sent.contentType(MediaType.APPLICATION_JSON).content(request.jsonBody());
            }
            if (request.correlationId() != null) {
                sent.header(CORRELATION_ID, request.correlationId());
            }
            MvcTestResult answer = sent.exchange();
            HttpHeaders headers = new HttpHeaders();
            answer.getResponse().getHeaderNames().forEach(name ->
                    headers.addAll(name, List.copyOf(answer.getResponse().getHeaders(name))));
            return new Answer(answer.getResponse().getStatus(), headers);
        };
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CORRELATION_ID = "X-Correlation-Id";
    /** The matrix's audit kinds that write a record: a patient read, a patient write, a configuration change. */
    private static final Set<String> AUDITED = Set.of("patient-read", "patient-write", "config");
    /** Boot's error page: the container forwards a failed request there; a request of its own is refused (403). */
    private static final String ERROR_PAGE = "/error";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern QUERIED_PATIENT = Pattern.compile("(?:^|&)patientId=([^&]+)");
    private static final KeyPair STRANGER = TestTokens.strangerKeys();

    private final List<JsonNode> rows;
    private final Client client;
    /** The gateway lets a partner's request for another clinic's object through: the owning service hides it. */
    private final boolean objectsCheckedDownstream;

    private AccessMatrixProbe(List<JsonNode> rows, Client client, boolean objectsCheckedDownstream) {
        this.rows = rows;
        this.client = client;
        this.objectsCheckedDownstream = objectsCheckedDownstream;
    }

    /**
     * The rows a service answers when called directly: its own (through the gateway or not, which must answer
     * alike) and the rows of each service, but not the gateway's answer for paths it never routes.
     */
    public static AccessMatrixProbe ofService(String service, Client client) {
        return new AccessMatrixProbe(matrixRows().stream().filter(row -> {
            String target = row.get("target").asString();
            boolean own = row.get("owner").asString().equals(service);
            return target.equals("each-service") || target.equals(service)
                    || (own && target.equals("gateway") && !row.get("path").asString().startsWith("/internal/"));
        }).toList(), client, false);
    }

    /**
     * The rows the gateway answers: every row sent through it ({@code demoMode}: the demo clock's too). A partner's
     * request for another clinic's object passes the gateway; the owning service answers its 404.
     */
    public static AccessMatrixProbe ofGateway(boolean demoMode, Client client) {
        return new AccessMatrixProbe(matrixRows().stream()
                .filter(row -> row.get("target").asString().equals("gateway"))
                .filter(row -> demoMode || !row.get("path").asString().startsWith("/api/demo/"))
                .toList(), client, true);
    }

    /** One test per row and column: the role's token gets the matrix's answer. */
    public Stream<DynamicTest> everyCell() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : rows) {
            for (Map.Entry<String, JsonNode> cell : row.get("cells").properties()) {
                String expected = cell.getValue().asString();
                if (expected.equals("n/a")) {
                    continue;
                }
                String column = cell.getKey();
                if (objectsCheckedDownstream && column.equals("PARTNER_OTHER") && expected.equals("404")
                        && !row.get("path").asString().startsWith("/internal/")) {
                    expected = "2xx";
                }
                String answers = expected;
                tests.add(DynamicTest.dynamicTest(describe(row) + " as " + column + " answers " + answers, () -> {
                    Answer answer = client.send(request(row, authorization(column)));
                    switch (answers) {
                        case "2xx" -> assertThat(answer.status()).as(describe(row) + " as " + column)
                                .isNotIn(401, 403);
                        default -> assertThat(answer.status()).as(describe(row) + " as " + column)
                                .isEqualTo(Integer.parseInt(answers));
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** One test per row and bad token: expired, of a stranger's key, HS256, unsigned, for another audience. */
    public Stream<DynamicTest> everyBadTokenIsRefused() {
        Map<String, Supplier<String>> badTokens = Map.of(
                "an expired token", () -> TestTokens.careTeam().expired(Duration.ofMinutes(1)).bearer(),
                "a token signed by another key", () -> TestTokens.careTeam().signedBy(STRANGER).bearer(),
                "an HS256 token", () -> "Bearer " + TestTokens.careTeam().hs256("a-shared-secret-of-32-bytes-long!"),
                "an unsigned (alg none) token", () -> "Bearer " + TestTokens.careTeam().unsigned(),
                "a token for another audience",
                () -> TestTokens.careTeam().claim("aud", List.of("not-clinic-ops")).bearer(),
                "a token of another issuer", () -> TestTokens.careTeam().claim("iss", "http://evil.example").bearer());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : rows) {
            badTokens.forEach((what, token) -> tests.add(DynamicTest.dynamicTest(
                    describe(row) + " with " + what + " answers 401", () -> {
                        Answer answer = client.send(request(row, token.get()));
                        assertThat(answer.status()).as(describe(row) + " with " + what).isEqualTo(401);
                        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                                .startsWith("Bearer error=\"invalid_token\"");
                    })));
        }
        return tests.stream();
    }

    /**
     * One test per audited row (a patient read or write, a configuration change) and an allowed, a refused and, where
     * the row has one, a hidden (another clinic's object) column: the request, whatever its answer, leaves exactly one
     * record in the trail, naming the service, the caller, the route and the answer, and the patient its path or
     * query names.
     * {@code recorded} answers the records the service has stored with a correlation id, oldest first.
     */
    public Stream<DynamicTest> everyAuditedRequestIsRecordedOnce(String service,
                                                                Function<String, List<JsonNode>> recorded) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : rows) {
            if (!AUDITED.contains(row.get("audit").asString())) {
                continue;
            }
            for (String expected : List.of("2xx", "403", "404")) {
                row.get("cells").properties().stream()
                        .filter(cell -> cell.getValue().asString().equals(expected) && !cell.getKey().equals("NONE"))
                        .filter(cell -> !expected.equals("404") || cell.getKey().equals("PARTNER_OTHER"))
                        .findFirst().ifPresent(cell -> tests.add(DynamicTest.dynamicTest(describe(row) + " as "
                                + cell.getKey() + " (" + expected + ") is recorded once", () ->
                                assertRecordedOnce(service, row, cell.getKey(), recorded))));
            }
        }
        return tests.stream();
    }

    private void assertRecordedOnce(String service, JsonNode row, String column,
                                    Function<String, List<JsonNode>> recorded) {
        String correlationId = "audit-probe-" + UUID.randomUUID();
        TestTokens.Token token = token(column);
        Request request = request(row, token.bearer(), correlationId);
        Answer answer = client.send(request);
        List<JsonNode> records = recorded.apply(correlationId);
        String what = describe(row) + " as " + column + " answered " + answer.status();
        assertThat(records).as(what).hasSize(1);
        JsonNode record = records.getFirst();
        String method = row.get("method").asString();
        String action = switch (method) {
            case "GET" -> "READ";
            case "DELETE" -> "DELETE";
            default -> answer.status() == 201 ? "CREATE" : "UPDATE";
        };
        assertThat(record.get("service").asString()).as(what).isEqualTo(service);
        assertThat(record.get("method").asString()).as(what).isEqualTo(method);
        assertThat(record.get("route").asString()).as(what).isEqualTo(row.get("path").asString());
        assertThat(record.get("action").asString()).as(what).isEqualTo(action);
        assertThat(record.get("outcome").asInt()).as(what).isEqualTo(answer.status());
        assertThat(record.get("actor").asString()).as(what).isEqualTo(token.claims().get("sub"));
        assertThat(record.get("clientId").asString()).as(what).isEqualTo(token.claims().get("client_id"));
        assertThat(record.get("roles").valueStream().map(JsonNode::asString).toList()).as(what)
                .isEqualTo(token.claims().get("roles"));
        assertThat(record.get("correlationId").asString()).as(what).isEqualTo(correlationId);
        assertThat(record.get("sourceIp").asString()).as(what).isNotBlank();
        List<String> patients = record.get("patientIds").valueStream().map(JsonNode::asString).toList();
        if (row.get("audit").asString().equals("config")) {
            assertThat(patients).as(what).isEmpty();
        }
        URI sent = URI.create(request.uri());
        PathPattern.PathMatchInfo named = PathPatternParser.defaultInstance.parse(row.get("path").asString())
                .matchAndExtract(PathContainer.parsePath(sent.getPath()));
        if (named != null && named.getUriVariables().containsKey("patientId")) {
            assertThat(patients).as(what).contains(named.getUriVariables().get("patientId"));
        }
        Matcher queried = QUERIED_PATIENT.matcher(String.valueOf(sent.getQuery()));
        if (queried.find()) {
            assertThat(patients).as(what).contains(queried.group(1));
        }
    }

    /**
     * Fails on a route of the running application that no row of the matrix describes: a route without a row does
     * not ship. Covers the controllers' and the actuator's mappings.
     */
    public static void assertEveryRouteHasARow(Collection<RequestMappingInfoHandlerMapping> mappings) {
        List<JsonNode> all = matrixRows();
        List<String> missing = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                        info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.equals(ERROR_PAGE)) {
                        continue;
                    }
                    PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
                    for (var method : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation
                            .RequestMethod.GET) : methods) {
                        boolean described = all.stream().anyMatch(row -> row.get("method").asString()
                                .equals(method.name()) && parsed.matches(PathContainer.parsePath(
                                sample(row.get("path").asString()))));
                        if (!described) {
                            missing.add(method + " " + pattern);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("routes without a row in docs/access-matrix.json").isEmpty();
    }

    private static String describe(JsonNode row) {
        return row.get("method").asString() + " " + row.get("path").asString();
    }

    private static String authorization(String column) {
        return column.equals("NONE") ? null : token(column).bearer();
    }

    private static TestTokens.Token token(String column) {
        return switch (column) {
            case "PARTNER" -> TestTokens.partner("riverside-psychiatry");
            case "PARTNER_OTHER" -> TestTokens.partner("lakeside-counseling");
            case "NOTIFICATION_SERVICE" -> TestTokens.notificationService();
            default -> TestTokens.staff("probe-" + column.toLowerCase(), column);
        };
    }

    private static Request request(JsonNode row, String authorization) {
        return request(row, authorization, null);
    }

    private static Request request(JsonNode row, String authorization, String correlationId) {
        String uri = sample(row.get("path").asString());
        JsonNode query = row.path("probe").path("query");
        if (query.isString()) {
            uri += "?" + sample(query.asString());
        }
        HttpMethod method = HttpMethod.valueOf(row.get("method").asString());
        return new Request(method, uri, authorization, method == HttpMethod.POST ? "{}" : null, correlationId);
    }

    /** The path or query with each {@code {placeholder}} filled: a date for {@code date}, else a fresh id. */
    static String sample(String template) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholders.find()) {
            placeholders.appendReplacement(filled, placeholders.group(1).equals("date")
                    ? LocalDate.of(2026, 11, 26).toString() : UUID.randomUUID().toString());
        }
        return placeholders.appendTail(filled).toString();
    }

    static List<JsonNode> matrixRows() {
        Path matrix = Path.of("..", "docs", "access-matrix.json");
        try {
            return JSON.readTree(Files.readString(matrix)).get("routes").valueStream().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The access matrix is read from " + matrix.toAbsolutePath(), e);
        }
    }
}
