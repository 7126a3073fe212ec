package org.clinicops.gateway;

import org.clinicops.support.testing.ReliedOnMetrics;
import org.clinicops.support.testing.TestTokens;
import org.clinicops.support.web.CorrelationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.gateway.GatewayClient.body;
import static org.clinicops.gateway.LoopbackBackends.intake;
import static org.clinicops.gateway.LoopbackBackends.notification;
import static org.clinicops.gateway.LoopbackBackends.session;

@GatewayTest
class GatewayRoutingTests {

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST, /api/patients,                            intake-service",
            "GET,  /api/patients/p-1,                        intake-service",
            "POST, /api/patients/p-1/screenings,             intake-service",
            "GET,  /api/screenings,                          intake-service",
            "GET,  /api/screenings/s-1,                      intake-service",
            "POST, /api/screenings/s-1/review,               intake-service",
            "GET,  /api/patients/p-1/treatment-plan,         session-service",
            "GET,  /api/treatment-plans,                     session-service",
            "POST, /api/patients/p-1/treatment-plan/protocol, session-service",
            "POST, /api/patients/p-1/treatment-plan/esketamine-enrollment, session-service",
            "GET,  /api/sessions,                            session-service",
            "GET,  /api/sessions/x-1,                        session-service",
            "POST, /api/sessions/x-1/check-in,               session-service",
            "GET,  /api/sessions/monitoring-forms,           session-service",
            "POST, /api/sessions/x-1/monitoring-form,        session-service",
            "GET,  /api/patients/p-1/notifications,          notification-service",
            "POST, /api/notifications/n-1/retry,             notification-service",
            "POST, /api/partner/subscriptions,               notification-service",
            "GET,  /api/partner/subscriptions,               notification-service",
            "GET,  /api/partner/subscriptions/sub-1,         notification-service",
            "GET,  /api/alerts,                              notification-service",
            "GET,  /api/alerts/a-1,                          notification-service",
            "POST, /api/alerts/a-1/ack,                      notification-service",
            "DELETE, /api/partner/subscriptions/sub-1,       notification-service",
            "POST, /api/partner/subscriptions/sub-1/secret/rotate, notification-service",
            "POST, /api/partner/subscriptions/sub-1/enable,  notification-service",
            "GET,  /api/partner/subscriptions/sub-1/deliveries, notification-service",
            "GET,  /api/partner/subscriptions/sub-1/deliveries/d-1, notification-service",
            "POST, /api/partner/subscriptions/sub-1/deliveries/d-1/redeliver, notification-service",
            "GET,  /api/partner/events,                      notification-service",
            "GET,  /api/partner/event-types,                 notification-service",
            "GET,  /api/partner/patients/p-1,                intake-service",
    })
    void routesEachPublicPathToTheServiceThatOwnsIt(String method, String path, String owner) {
        // the partner API answers partner tokens only, the rest the care team
        TestTokens.Token caller = path.startsWith("/api/partner/") ? TestTokens.partner("riverside-psychiatry")
                : TestTokens.careTeam();
        HttpResponse<String> response = gateway.send(gateway.anonymous(path).header("Authorization", caller.bearer())
                .method(method, method.equals("POST") ? BodyPublishers.ofString("{}") : BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = body(response);
        assertThat(echo.path("service").asString()).isEqualTo(owner);
        assertThat(echo.path("method").asString()).isEqualTo(method);
        assertThat(echo.path("path").asString()).isEqualTo(path);
    }

    @Test
    void forwardsQueryStringsUnchanged() {
        JsonNode screenings = body(gateway.get("/api/screenings?status=NEEDS_CLINICIAN_REVIEW&page=2"));
        JsonNode sessions = body(gateway.get("/api/sessions?date=2026-03-02"));

        assertThat(screenings.path("query").asString()).isEqualTo("status=NEEDS_CLINICIAN_REVIEW&page=2");
        assertThat(sessions.path("query").asString()).isEqualTo("date=2026-03-02");
    }

    @Test
    void forwardsPostBodyAndIdempotencyKeyUnchanged() {
        String referral = """
                {"givenName":"Ada","familyName":"Lovelace","dateOfBirth":"1985-12-10"}""";

        JsonNode echo = body(gateway.send(gateway.request("/api/patients")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "referral-42")
                .POST(BodyPublishers.ofString(referral))));

        assertThat(echo.path("service").asString()).isEqualTo("intake-service");
        assertThat(echo.path("body").asString()).isEqualTo(referral);
        assertThat(echo.path("contentType").asString()).isEqualTo("application/json");
        assertThat(echo.path("idempotencyKey").asString()).isEqualTo("referral-42");
    }

    @Test
    void forwardsAPartnersBearerTokenUnchangedAndPassesTheServicesUnauthorizedBackUnchanged() {
        String partner = TestTokens.partner("riverside-psychiatry").bearer();
        JsonNode echo = body(gateway.send(gateway.anonymous("/api/partner/event-types").header("Authorization", partner)));
        assertThat(echo.path("authorization").asString()).isEqualTo(partner);

        notification.answer("GET", "/api/partner/subscriptions/stale-key", 401,
                Map.of("Content-Type", "application/problem+json", "WWW-Authenticate", "Bearer"),
                "{\"status\":401}");
        HttpResponse<String> refused = gateway.send(gateway.anonymous("/api/partner/subscriptions/stale-key")
                .header("Authorization", partner));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void refusesARequestWithoutAValidTokenBeforeAnyServiceSeesIt() {
        HttpResponse<String> anonymous = gateway.send(gateway.anonymous("/api/patients/p-7"));
        HttpResponse<String> forged = gateway.send(gateway.anonymous("/api/patients/p-7")
                .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(intake.receivedPaths()).noneMatch(path -> path.startsWith("/api/patients/p-7"));
    }

    @Test
    void passesCreatedStatusLocationAndBodyBackUnchanged() {
        String created = """
                {"screeningId":"s-9","outcome":"ELIGIBLE"}""";
        intake.answer("POST", "/api/patients/p-2/screenings", 201,
                Map.of("Content-Type", "application/json", "Location", "/api/screenings/s-9"), created);

        HttpResponse<String> response = gateway.send(gateway.request("/api/patients/p-2/screenings")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/screenings/s-9");
        assertThat(response.body()).isEqualTo(created);
    }

    @Test
    void passesProblemBodiesBackUnchanged() {
        String problem = """
                {"type":"about:blank","title":"Unprocessable Content","status":422,\
                "detail":"decision must be APPROVED or DECLINED","errors":[{"field":"decision"}]}""";
        intake.answer("POST", "/api/screenings/s-2/review", 422,
                Map.of("Content-Type", "application/problem+json"), problem);

        HttpResponse<String> response = gateway.send(gateway.request("/api/screenings/s-2/review")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"decision\":\"MAYBE\"}")));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(problem);
    }

    @Test
    void keepsInternalApisPrivate() {
        HttpResponse<String> response = gateway.get("/internal/patients/x/contact");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(intake.receivedPaths()).noneMatch(path -> path.startsWith("/internal"));
        assertThat(session.receivedPaths()).noneMatch(path -> path.startsWith("/internal"));
        assertThat(notification.receivedPaths()).noneMatch(path -> path.startsWith("/internal"));
    }

    @Test
    void theDemoClockDoesNotExistWithoutAClinicTime() {
        HttpResponse<String> read = gateway.get("/api/demo/clock");
        HttpResponse<String> move = gateway.send(gateway.request("/api/demo/clock")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"advanceBy\": \"PT65M\"}")));

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(move.statusCode()).isEqualTo(404);
        assertThat(move.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(intake.receivedPaths()).noneMatch(path -> path.startsWith("/api/demo"));
        assertThat(session.receivedPaths()).noneMatch(path -> path.startsWith("/api/demo"));
        assertThat(notification.receivedPaths()).noneMatch(path -> path.startsWith("/api/demo"));
    }

    @Test
    void forwardsAndReturnsTheCallersCorrelationId() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/sessions/x-2")
                .header(CorrelationId.HEADER, "nurse-station-7.req_1")
                .GET());

        assertThat(body(response).path("correlationId").asString()).isEqualTo("nurse-station-7.req_1");
        assertThat(response.headers().allValues(CorrelationId.HEADER)).containsExactly("nurse-station-7.req_1");
    }

    @Test
    void passesARequestTheRowsRolesRefuseOnToTheOwningService_whichRefusesAndRecordsIt() {
        // this stand-in service answers every request; the real one answers the nurse's 403 and records it
        HttpResponse<String> response = gateway.send(gateway.anonymous("/api/patients")
                .header("Authorization", TestTokens.staff("nurse-on-shift", "NURSE").bearer())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(intake.receivedPaths()).contains("/api/patients");
    }

    @Test
    void tellsTheServiceTheClientAddressItSaw_replacingTheXForwardedForTheClientSent() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/sessions/x-5")
                .header("X-Forwarded-For", "203.0.113.66")
                .GET());

        assertThat(body(response).path("forwardedFor").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void generatesACorrelationIdWhenTheCallerSendsNone() {
        HttpResponse<String> response = gateway.get("/api/patients/p-3");

        String returned = response.headers().firstValue(CorrelationId.HEADER).orElseThrow();
        assertThat(UUID.fromString(returned)).hasToString(returned);
        assertThat(body(response).path("correlationId").asString()).isEqualTo(returned);
    }

    @Test
    void replacesACorrelationIdThatIsNotAPlainToken() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/patients/p-4")
                .header(CorrelationId.HEADER, "x\"><script>")
                .GET());

        String returned = response.headers().firstValue(CorrelationId.HEADER).orElseThrow();
        assertThat(UUID.fromString(returned)).hasToString(returned);
        assertThat(body(response).path("correlationId").asString()).isEqualTo(returned);
    }

    @Test
    void continuesTheCallersW3cTraceToTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = gateway.send(gateway.request("/api/sessions/x-3")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .GET());

        assertThat(body(response).path("traceparent").asString()).startsWith("00-" + traceId + "-");
    }

    @Test
    void startsATraceWhenTheCallerSendsNone_andPassesItToTheService() {
        String received = body(gateway.get("/api/patients/p-5")).path("traceparent").asString();

        assertThat(received).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void servesItsOwnHealthProbesAndMetrics() {
        assertThat(gateway.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(gateway.send(gateway.anonymous("/actuator/prometheus")
                .header("Authorization", TestTokens.ops().bearer())).body()).contains("http_server_requests");
    }

    @Test
    void exposesEveryMetricTheDashboardAndTheAlertRulesRead() {
        gateway.get("/api/patients/p-5");

        ReliedOnMetrics.assertExposed("gateway", () -> gateway.send(gateway.anonymous("/actuator/prometheus")
                .header("Authorization", TestTokens.ops().bearer())).body());
    }
}
