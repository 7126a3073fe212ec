package org.clinicops.gateway;

import org.clinicops.support.testing.ProblemAnswers;
import org.clinicops.support.web.CorrelationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.gateway.GatewayClient.body;

/** intake-service is stopped and session-service never answers; notification-service is fine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.WHEN_AVAILABLE,
        properties = {"spring.http.clients.read-timeout=500ms", "clinic.gateway.rate-limit.unauthenticated.burst=10000",
                "clinic.gateway.rate-limit.staff.burst=10000"})
class GatewayDownstreamFailureTests {

    static final LoopbackBackend intake = LoopbackBackend.start("intake-service");
    static final LoopbackBackend session = LoopbackBackend.start("session-service");
    static final LoopbackBackend notification = LoopbackBackend.start("notification-service");

    static {
        intake.close();
        session.hang();
    }

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("clinic.gateway.intake-uri", intake::uri);
        registry.add("clinic.gateway.session-uri", session::uri);
        registry.add("clinic.gateway.notification-uri", notification::uri);
    }

    @AfterAll
    static void stopBackends() {
        session.close();
        notification.close();
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @Test
    void aStoppedServiceGivesAProblemNamingIt() {
        HttpResponse<String> response = gateway.get("/api/patients/p-1");

        ProblemAnswers.assertProblem(503, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        JsonNode problem = body(response);
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.path("detail").asString()).contains("intake-service");
        assertThat(response.body()).doesNotContain("Exception", "at org.");
        assertThat(response.headers().firstValue(CorrelationId.HEADER)).isPresent();
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGivesAGatewayTimeoutNamingIt() {
        HttpResponse<String> response = gateway.get("/api/sessions/x-1");

        ProblemAnswers.assertProblem(504, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        JsonNode problem = body(response);
        assertThat(problem.path("title").asString()).isEqualTo("Gateway Timeout");
        assertThat(problem.path("detail").asString()).contains("session-service");
    }

    @Test
    void theOtherServicesKeepAnswering() {
        HttpResponse<String> response = gateway.get("/api/patients/p-1/notifications");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).path("service").asString()).isEqualTo("notification-service");
    }
}
