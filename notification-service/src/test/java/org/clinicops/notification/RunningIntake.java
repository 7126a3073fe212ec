package org.clinicops.notification;

import org.clinicops.intake.IntakeServiceApplication;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.clinicops.support.testing.TestTokens;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real intake-service, running in the test JVM on a fixed port with a database of its own, so a test can stop it
 * (an outage) and start it again where it was. Patients are registered through its public HTTP API.
 *
 * <p>Its clock is clinic-support's demo clock ({@code clinic.clock.start}): it reads the test's clock at the moment
 * intake-service starts and ticks on from there in real time, so it stays within the test's reference week on any
 * day the suite runs (a year ahead too). {@code clinic.clock.started-at} stays blank, meaning "the real moment the
 * clock is made": a test may not read the machine's clock to name that moment itself, and the reference instant in
 * its place would give an offset of zero, the machine's clock again. Started again after an outage, it goes on
 * from the later of the test's clock and where its own clock had got to, so its time never runs backwards.
 *
 * <p>It checks tokens against the JWK set of the {@link RunningIssuer} notification-service gets its token from, and
 * keeps the {@code Authorization} header of every call to its internal API, for the tests of that token.
 */
public final class RunningIntake implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 42 on the reference day, whichever year the suite runs in. */
    private static final String DATE_OF_BIRTH = TestClock.isoDate("1984-03-09");

    private final int port;
    private final String kafkaBrokers;
    private final String databaseUrl = TestPostgres.newDatabase("intake");
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock testClock;
    private final String issuerKeys;
    private final RunningIssuer issuer;
    private final List<String> internalCallAuthorizations = new CopyOnWriteArrayList<>();
    private ConfigurableApplicationContext context;
    /** Where intake-service's clock had got to when it was last stopped. */
    private Instant stoppedAt;

    public RunningIntake(int port, String kafkaBrokers, Clock testClock, RunningIssuer issuer) {
        this.port = port;
        this.kafkaBrokers = kafkaBrokers;
        this.testClock = testClock;
        this.issuerKeys = issuer.jwkSetUri();
        this.issuer = issuer;
    }

    /** Starts intake-service unless it is running. */
    public void start() {
        if (context != null) {
            return;
        }
        Instant clinicStart = testClock.instant();
        if (stoppedAt != null && stoppedAt.isAfter(clinicStart)) {
            clinicStart = stoppedAt;
        }
        context = IntakeServiceApplication.application().initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("internalCallRecorder", FilterRegistrationBean.class, this::internalCallRecorder))
                .run(
                "--clinic.clock.start=" + clinicStart,
                "--clinic.clock.started-at=",
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + kafkaBrokers,
                "--clinic.outbox.relay-interval=50ms",
                // the issuer's keys: its tokens say iss http://localhost:9000 wherever it listens
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuerKeys,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                // the issuer's own token decoder and key, on this classpath for RunningIssuer, are not intake-service's
                "--spring.autoconfigure.exclude=org.springframework.boot.security.oauth2.server.authorization."
                        + "autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,org.springframework.boot."
                        + "security.oauth2.server.authorization.autoconfigure.servlet."
                        + "OAuth2AuthorizationServerJwtAutoConfiguration",
                "--spring.main.banner-mode=off");
    }

    /** Keeps the {@code Authorization} header of each call to {@code /internal/**} ("" without one). */
    private FilterRegistrationBean<Filter> internalCallRecorder() {
        FilterRegistrationBean<Filter> recorder = new FilterRegistrationBean<>((request, response, chain) -> {
            String authorization = ((HttpServletRequest) request).getHeader(HttpHeaders.AUTHORIZATION);
            internalCallAuthorizations.add(authorization == null ? "" : authorization);
            chain.doFilter(request, response);
        });
        recorder.addUrlPatterns("/internal/*");
        recorder.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return recorder;
    }

    /** The {@code Authorization} header of every call to its internal API so far, oldest first. */
    public List<String> internalCallAuthorizations() {
        return List.copyOf(internalCallAuthorizations);
    }

    public void stop() {
        if (context != null) {
            stoppedAt = context.getBean(Clock.class).instant();
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Where notification-service finds it ({@code notification.intake-uri}), running or not. */
    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** Registers a referred patient (CLINICAL section 3) and answers the patientId intake-service gave it. */
    public UUID registerPatient(String firstName, String email, boolean emailConsent) {
        JsonNode patient = post("/api/patients", """
                { "firstName": "%s", "lastName": "Reyes", "dateOfBirth": "%s", "sexAtBirth": "FEMALE",
                  "email": "%s", "phone": "+15035550142",
                  "contactConsent": { "email": %s, "sms": false },
                  "referral": { "source": "PARTNER_CLINIC", "partnerClinicId": "riverside-psychiatry" } }
                """.formatted(firstName, DATE_OF_BIRTH, email, emailConsent));
        return UUID.fromString(patient.get("patientId").asString());
    }

    /**
     * A patient who consented to texts on {@code phone} (E.164), and to e-mail on {@code email} when
     * {@code emailConsent}.
     */
    public UUID registerTextedPatient(String firstName, String email, boolean emailConsent, String phone) {
        JsonNode patient = post("/api/patients", """
                { "firstName": "%s", "lastName": "Reyes", "dateOfBirth": "%s", "sexAtBirth": "FEMALE",
                  "email": "%s", "phone": "%s",
                  "contactConsent": { "email": %s, "sms": true },
                  "referral": { "source": "SELF" } }
                """.formatted(firstName, DATE_OF_BIRTH, email, phone, emailConsent));
        return UUID.fromString(patient.get("patientId").asString());
    }

    /** A patient referred by a partner clinic, with the partner's own reference (null: none given). */
    public UUID registerPartnerReferral(String partnerClinicId, String partnerReference) {
        String reference = partnerReference == null ? "" : ", \"partnerReference\": \"" + partnerReference + "\"";
        JsonNode patient = post("/api/patients", """
                { "firstName": "Robin", "lastName": "Reyes", "dateOfBirth": "%s",
                  "contactConsent": { "email": false, "sms": false },
                  "referral": { "source": "PARTNER_CLINIC", "partnerClinicId": "%s"%s } }
                """.formatted(DATE_OF_BIRTH, partnerClinicId, reference));
        return UUID.fromString(patient.get("patientId").asString());
    }

    /** A patient who consented to e-mail but has no address on file (both are optional at intake). */
    public UUID registerPatientWithoutEmail(String firstName) {
        JsonNode patient = post("/api/patients", """
                { "firstName": "%s", "lastName": "Reyes", "dateOfBirth": "%s",
                  "contactConsent": { "email": true, "sms": false }, "referral": { "source": "SELF" } }
                """.formatted(firstName, DATE_OF_BIRTH));
        return UUID.fromString(patient.get("patientId").asString());
    }

    /** Records CLINICAL section 3's example screening with PHQ-9 item 9 as given (1 or more escalates, S-1). */
    public JsonNode recordScreening(UUID patientId, int phq9Item9) {
        return post("/api/patients/" + patientId + "/screenings", """
                { "indication": "DEPRESSION",
                  "instruments": {
                    "phq9": [2, 2, 1, 2, 1, 1, 2, 1, %d],
                    "gad7": [1, 2, 1, 1, 0, 1, 1],
                    "cssrs": { "wishToBeDead": false, "suicidalThoughts": false, "thoughtsWithMethod": false,
                               "intent": false, "intentWithPlan": false, "behaviorLifetime": false,
                               "behaviorPast3Months": false } },
                  "history": { "failedAntidepressantTrials": 2, "onMoodStabilizer": false,
                               "conditions": [], "medications": [] },
                  "vitals": { "systolic": 128, "diastolic": 82, "heartRate": 74, "weightKg": 71.5 } }
                """.formatted(phq9Item9));
    }

    private JsonNode post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri() + path))
                // the front desk registers and screens, with a token of the issuer intake-service trusts
                .header("Authorization", "Bearer " + issuer.token("demo-coordinator", "demo-coordinator-secret"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("intake-service answered " + response.statusCode() + " to POST "
                        + path + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("intake-service did not answer POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
