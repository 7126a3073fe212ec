package org.clinicops.gateway;

import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.gateway.GatewayClient.body;
import static org.clinicops.gateway.LoopbackBackends.intake;
import static org.clinicops.gateway.LoopbackBackends.notification;
import static org.clinicops.gateway.LoopbackBackends.session;

/**
 * The demo clock as trainers' tools call it, in demo mode ({@code clinic.clock.start} set, as clinic-local's
 * {@code --clinic-time} sets it). Every test here moves the one clock of this JVM, so each measures from the time it
 * reads first rather than from the start.
 */
@GatewayTest
class GatewayDemoClockTests {

    private static final Instant THURSDAY_0900_LOS_ANGELES = TestClock.at("2026-11-26T17:00:00Z");

    @DynamicPropertySource
    static void demoMode(DynamicPropertyRegistry registry) {
        registry.add("clinic.clock.start", THURSDAY_0900_LOS_ANGELES::toString);
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @Test
    void theDemoClockShowsTheClinicTimeAndZoneAndIsTheGatewaysOwn() {
        HttpResponse<String> response = gateway.get("/api/demo/clock");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode clock = body(response);
        assertThat(Instant.parse(clock.path("now").asString())).isAfterOrEqualTo(THURSDAY_0900_LOS_ANGELES);
        assertThat(clock.path("zone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(intake.receivedPaths()).isEmpty();
        assertThat(session.receivedPaths()).isEmpty();
        assertThat(notification.receivedPaths()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT65M", "PT24H", "P1DT2H"})
    void advanceByMovesTheClockOnByTheDuration(String advanceBy) {
        Instant before = now();

        HttpResponse<String> response = post("{\"advanceBy\": \"" + advanceBy + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Instant moved = Instant.parse(body(response).path("now").asString());
        assertThat(body(response).path("zone").asString()).isEqualTo("America/Los_Angeles");
        assertMovedOn(before, moved, Duration.parse(advanceBy));
        assertThat(now()).isAfterOrEqualTo(moved);
    }

    @Test
    void advanceToMovesTheClockToTheInstantGivenWithZOrAnOffset() {
        Instant target = now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        String withOffset = target.atOffset(ZoneOffset.ofHours(-8)).toString();

        HttpResponse<String> response = post("{\"advanceTo\": \"" + withOffset + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Instant.parse(body(response).path("now").asString())).isEqualTo(target);
        assertMovedOn(target, now(), Duration.ZERO);

        Instant later = target.plus(Duration.ofHours(1));
        HttpResponse<String> withZ = post("{\"advanceTo\": \"" + later + "\"}");
        assertThat(Instant.parse(body(withZ).path("now").asString())).isEqualTo(later);
    }

    @Test
    void theDemoClockNeverGoesBack_CLOCK_CANNOT_GO_BACK() {
        Instant before = now();

        HttpResponse<String> response = post("{\"advanceTo\": \"" + before.minus(Duration.ofMinutes(1)) + "\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("code").asString()).isEqualTo("CLOCK_CANNOT_GO_BACK");
        assertMovedOn(before, Instant.parse(problem.path("now").asString()), Duration.ZERO);
        assertMovedOn(before, now(), Duration.ZERO);
    }

    @ParameterizedTest(name = "{0} -> 422 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"advanceBy": "PT0S"}                                            | advanceBy
            {"advanceBy": "-PT5M"}                                           | advanceBy
            {"advanceBy": "65 minutes"}                                      | advanceBy
            {"advanceBy": "P1W"}                                             | advanceBy
            {"advanceBy": 65}                                                | advanceBy
            {"advanceTo": "2026-11-26T17:00:00"}                             | advanceTo
            {"advanceTo": "tomorrow at nine"}                                | advanceTo
            {}                                                               | advanceBy
            {"advanceBy": null, "advanceTo": null}                           | advanceBy
            {"advanceBy": "PT1H", "advanceTo": "2026-11-26T17:00:00Z"}       | advanceTo
            """)
    void aMoveThatIsNotExactlyOneValidMemberIs422NamingTheField(String body, String field) {
        Instant before = now();

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asString()).isEqualTo(field);
            assertThat(error.path("message").asString()).isNotBlank();
        });
        assertMovedOn(before, now(), Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain"})
    void aBodyThatIsNotJsonIs400(String contentType) {
        HttpResponse<String> response = gateway.send(gateway.request("/api/demo/clock")
                .header("Content-Type", contentType)
                .POST(BodyPublishers.ofString("advanceBy=PT65M")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).path("title").asString()).isEqualTo("Unreadable request body");
    }

    private Instant now() {
        HttpResponse<String> response = gateway.get("/api/demo/clock");
        assertThat(response.statusCode()).isEqualTo(200);
        return Instant.parse(body(response).path("now").asString());
    }

    private HttpResponse<String> post(String body) {
        return gateway.send(gateway.request("/api/demo/clock")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }

    /** {@code by} ahead of {@code before}, give or take the millisecond shown and a few seconds of real time. */
    private static void assertMovedOn(Instant before, Instant after, Duration by) {
        assertThat(Duration.between(before, after)).isBetween(by.minusMillis(1), by.plusSeconds(5));
    }
}
