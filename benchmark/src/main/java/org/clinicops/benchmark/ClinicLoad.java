package org.clinicops.benchmark;

import org.clinicops.local.ClinicLocal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Referrals through the gateway of the running clinic, as a front desk makes them: register the patient (e-mail
 * consent, so the confirmation goes by e-mail), then record the screening of CLINICAL section 3's example, which is
 * ELIGIBLE and books an IV induction series. What happened next is read afterwards from the services' own databases.
 */
final class ClinicLoad {

    private static final JsonMapper json = JsonMapper.builder().build();
    /** The front desk's demo client registers and screens (docs/access.md). */
    private static final String FRONT_DESK = "demo-coordinator";

    /** One referral as the gateway answered it: accepted when the screening was recorded as ELIGIBLE. */
    record Referral(UUID patientId, boolean accepted, String failure) {
    }

    /** A patient's times as the services stamped them; lists, so a doubled plan or confirmation shows. */
    record Timeline(Instant screened, List<Instant> planned, List<Instant> confirmationRows, List<Instant> sent) {
    }

    private final ClinicLocal clinic;
    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalDate screenedOn;
    private volatile String token;

    ClinicLoad(ClinicLocal clinic, Clock clock) {
        this.clinic = clinic;
        ZoneId zone = ZoneId.of(clinic.service("session-service").context().getEnvironment()
                .getRequiredProperty("clinic.zone"));
        // yesterday in the clinic: never "in the future" wherever the clinic's date line is
        this.screenedOn = LocalDate.now(clock.withZone(zone)).minusDays(1);
    }

    /** A fresh front-desk token (staff tokens live 15 minutes: one per rate is enough). */
    void signIn() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(clinic.issuerUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (FRONT_DESK + ":" + FRONT_DESK + "-secret").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + FRONT_DESK + ": " + response.body());
        }
        token = json.readTree(response.body()).get("access_token").asString();
    }

    Referral refer(int number) {
        try {
            HttpResponse<String> registered = post("/api/patients", """
                    { "firstName": "Bench", "lastName": "Mark", "dateOfBirth": "1984-03-09", "sexAtBirth": "FEMALE",
                      "email": "bench-%s@example.org", "phone": "+15035550142",
                      "contactConsent": { "email": true, "sms": false },
                      "referral": { "source": "SELF" } }
                    """.formatted(UUID.randomUUID()));
            if (registered.statusCode() != 201) {
                return new Referral(null, false, "registration " + registered.statusCode());
            }
            UUID patientId = UUID.fromString(json.readTree(registered.body()).get("patientId").asString());
            HttpResponse<String> screening = post("/api/patients/" + patientId + "/screenings", screening());
            if (screening.statusCode() != 201) {
                return new Referral(patientId, false, "screening " + screening.statusCode());
            }
            JsonNode outcome = json.readTree(screening.body()).get("outcome");
            return outcome.asString().equals("ELIGIBLE") ? new Referral(patientId, true, null)
                    : new Referral(patientId, false, "outcome " + outcome.asString());
        } catch (Exception e) {
            return new Referral(null, false, e.getClass().getSimpleName());
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(clinic.gatewayUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** CLINICAL section 3's example screening: no rule fires, so ELIGIBLE, IV ketamine for depression. */
    private String screening() {
        return """
                { "indication": "DEPRESSION", "screenedOn": "%s",
                  "instruments": {
                    "phq9": [2, 2, 1, 2, 1, 1, 2, 1, 0],
                    "gad7": [1, 2, 1, 1, 0, 1, 1],
                    "pcl5": [0, 1, 2, 1, 0, 0, 1, 1, 0, 2, 1, 1, 0, 0, 1, 2, 1, 0, 1, 0],
                    "auditC": [1, 0, 0],
                    "dast10": [false, false, true, false, false, false, false, false, false, false],
                    "cssrs": { "wishToBeDead": false, "suicidalThoughts": false, "thoughtsWithMethod": false,
                               "intent": false, "intentWithPlan": false, "behaviorLifetime": false,
                               "behaviorPast3Months": false } },
                  "history": { "failedAntidepressantTrials": 2, "onMoodStabilizer": false,
                               "conditions": [], "medications": [] },
                  "vitals": { "systolic": 128, "diastolic": 82, "heartRate": 74, "weightKg": 71.5 } }
                """.formatted(screenedOn);
    }

    /** How many of the patients have their confirmation sent (the chain's end). */
    long confirmationsSent(List<UUID> patients) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("notification"));
             PreparedStatement count = connection.prepareStatement("select count(distinct patient_id) from notification"
                     + " where kind = 'BOOKING_CONFIRMATION' and status = 'SENT' and patient_id = any (?)")) {
            count.setArray(1, connection.createArrayOf("uuid", patients.toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Each patient's times from the services' databases: the screening recorded (intake-service), the treatment
     * plan booked (session-service), the confirmation's row stored and its {@code sent_at} (notification-service).
     */
    Map<UUID, Timeline> timelines(List<UUID> patients) throws SQLException {
        Map<UUID, Instant> screened = new HashMap<>();
        Map<UUID, List<Instant>> planned = new HashMap<>();
        Map<UUID, List<Instant>> rows = new HashMap<>();
        Map<UUID, List<Instant>> sent = new HashMap<>();
        read("intake", "select patient_id, recorded_at from screening where patient_id = any (?)", patients,
                (patient, times) -> screened.put(patient, times[0]));
        read("session", "select patient_id, created_at from treatment_plan where status = 'BOOKED'"
                        + " and patient_id = any (?)", patients,
                (patient, times) -> planned.computeIfAbsent(patient, p -> new ArrayList<>()).add(times[0]));
        read("notification", "select patient_id, created_at, sent_at from notification"
                        + " where kind = 'BOOKING_CONFIRMATION' and patient_id = any (?)", patients,
                (patient, times) -> {
                    rows.computeIfAbsent(patient, p -> new ArrayList<>()).add(times[0]);
                    if (times[1] != null) {
                        sent.computeIfAbsent(patient, p -> new ArrayList<>()).add(times[1]);
                    }
                });
        Map<UUID, Timeline> timelines = new HashMap<>();
        for (UUID patient : patients) {
            timelines.put(patient, new Timeline(screened.get(patient), planned.getOrDefault(patient, List.of()),
                    rows.getOrDefault(patient, List.of()), sent.getOrDefault(patient, List.of())));
        }
        return timelines;
    }

    private interface Row {
        void accept(UUID patient, Instant[] times);
    }

    private void read(String database, String query, List<UUID> patients, Row row) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database));
             PreparedStatement select = connection.prepareStatement(query)) {
            select.setArray(1, connection.createArrayOf("uuid", patients.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Instant[] times = new Instant[columns - 1];
                    for (int column = 2; column <= columns; column++) {
                        Timestamp time = rows.getTimestamp(column);
                        times[column - 2] = time == null ? null : time.toInstant();
                    }
                    row.accept(rows.getObject(1, UUID.class), times);
                }
            }
        }
    }

    private String jdbcUrl(String database) {
        return clinic.infrastructure().postgres().jdbcUrl(database);
    }
}
