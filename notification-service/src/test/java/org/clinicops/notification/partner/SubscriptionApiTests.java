package org.clinicops.notification.partner;

import org.clinicops.notification.SharedNotificationServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/partner/subscriptions}: a partner clinic subscribes its endpoint, sees its secret once, rotates it,
 * and reaches only its own subscriptions. The test issuer's tokens name the clinic; the receivers are on loopback,
 * which this profile allow-lists.
 */
@SharedNotificationServiceTest
class SubscriptionApiTests {

    static final String NOW = "2026-11-25T17:00:00Z";
    static final String SUBSCRIPTIONS = "/api/partner/subscriptions";
    static final String EXAMPLE = """
            {
              "url": "http://127.0.0.1:9911/clinic-ops",
              "eventTypes": ["patient.status_changed", "induction.booked"],
              "description": "EHR referral inbox",
              "alertEmail": "it-oncall@riverside.example",
              "rateLimitPerSecond": 10
            }
            """;

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @BeforeEach
    void clockAtNow() {
        clock.set(TestClock.at(NOW));
    }

    @Test
    void createsTheContractExampleShowingItsSecretOnceWithTypesSortedAndEveryMemberPresent() throws Exception {
        String clinic = clinic();
        MvcTestResult created = post(clinic, SUBSCRIPTIONS, EXAMPLE, null);

        assertThat(created).hasStatus(201);
        JsonNode body = body(created);
        String id = body.get("id").asString();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(SUBSCRIPTIONS + "/" + id);
        assertThat(body.propertyNames()).containsExactly("id", "url", "eventTypes", "description", "alertEmail",
                "rateLimitPerSecond", "status", "disabledReason", "disabledAt", "failingSince", "lastSequence",
                "previousSecretExpiresAt", "createdAt", "secret");
        assertThat(body.get("url").asString()).isEqualTo("http://127.0.0.1:9911/clinic-ops");
        assertThat(body.get("eventTypes").valueStream().map(JsonNode::asString))
                .containsExactly("induction.booked", "patient.status_changed");
        assertThat(body.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.get("disabledReason").isNull()).isTrue();
        assertThat(body.get("failingSince").isNull()).isTrue();
        assertThat(body.get("lastSequence").asLong()).isZero();
        assertThat(body.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(body.get("createdAt").asString())).isEqualTo(TestClock.at(NOW));
        String secret = body.get("secret").asString();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");

        JsonNode read = body(get(clinic, SUBSCRIPTIONS + "/" + id));
        assertThat(read.has("secret")).isFalse();
        assertThat(read.propertyNames()).hasSize(13);
        assertThat(body(get(clinic, SUBSCRIPTIONS)).get("subscriptions").get(0)).isEqualTo(read);
        assertThat(get(clinic, SUBSCRIPTIONS + "/" + id).getResponse().getContentAsString()).doesNotContain(secret);
        // kept encrypted: the stored bytes are not the secret's
        byte[] stored = jdbc.sql("select secret from partner_subscription where subscription_id = :id")
                .param("id", UUID.fromString(id)).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6, 20));
    }

    @Test
    void optionalMembersMayBeLeftOutAndTheRateLimitDefaultsToTen() {
        JsonNode body = body(post(clinic(), SUBSCRIPTIONS,
                "{\"url\": \"http://127.0.0.1:9911/h\", \"eventTypes\": [\"session.completed\", \"session.completed\"]}",
                null));

        assertThat(body.get("rateLimitPerSecond").asInt()).isEqualTo(10);
        assertThat(body.get("description").isNull()).isTrue();
        assertThat(body.get("alertEmail").isNull()).isTrue();
        assertThat(body.get("eventTypes").valueStream().map(JsonNode::asString)).containsExactly("session.completed");
    }

    @Test
    void everyBadMemberIsNamedInOne422AndNothingIsCreated() {
        String clinic = clinic();
        MvcTestResult result = post(clinic, SUBSCRIPTIONS, """
                { "url": "ftp://hooks.riverside.example/x", "eventTypes": ["induction.booked", "patient.*", 7],
                  "description": "%s", "alertEmail": "it-oncall", "rateLimitPerSecond": 51 }
                """.formatted("d".repeat(201)), null);

        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(errorFields(result)).containsExactlyInAnyOrder("url", "eventTypes[1]", "eventTypes[2]",
                "description", "alertEmail", "rateLimitPerSecond");
        assertThat(body(get(clinic, SUBSCRIPTIONS)).get("subscriptions")).isEmpty();
    }

    @Test
    void aUrlMustBeAnAbsoluteHttpsUrlWithoutUserInfoOrFragmentToAPublicAddress() {
        List<String> refused = List.of("/relative", "https://user:pw@127.0.0.1/h", "https://127.0.0.1/h#frag",
                "https://127.0.0.1/" + "x".repeat(2048), "http://93.184.216.34/h", "https://10.0.0.1/h",
                "https://[fe80::1]/h", "https://169.254.169.254/latest/meta-data", "https://[::ffff:192.168.0.1]/h",
                "not a url");
        for (String url : refused) {
            MvcTestResult result = post(clinic(), SUBSCRIPTIONS,
                    "{\"url\": \"" + url + "\", \"eventTypes\": [\"induction.booked\"]}", null);
            assertThat(result).as(url).hasStatus(422);
            assertThat(errorFields(result)).as(url).containsExactly("url");
        }
    }

    @Test
    void missingOrEmptyEventTypesAreRefused() {
        assertThat(errorFields(post(clinic(), SUBSCRIPTIONS, "{\"url\": \"http://127.0.0.1:9911/h\"}", null)))
                .containsExactly("eventTypes");
        assertThat(errorFields(post(clinic(), SUBSCRIPTIONS,
                "{\"url\": \"http://127.0.0.1:9911/h\", \"eventTypes\": []}", null))).containsExactly("eventTypes");
    }

    @Test
    void aClinicHoldsAtMostTenSubscriptions() {
        String clinic = clinic();
        for (int i = 0; i < 10; i++) {
            assertThat(post(clinic, SUBSCRIPTIONS, EXAMPLE, null)).hasStatus(201);
        }

        MvcTestResult eleventh = post(clinic, SUBSCRIPTIONS, EXAMPLE, null);

        assertThat(eleventh).hasStatus(409);
        assertThat(body(eleventh).get("code").asString()).isEqualTo("SUBSCRIPTION_LIMIT");
        assertThat(post(clinic(), SUBSCRIPTIONS, EXAMPLE, null)).as("another clinic").hasStatus(201);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheOriginal201SecretIncludedAndAnotherBodyIsAConflict() {
        String clinic = clinic();
        MvcTestResult first = post(clinic, SUBSCRIPTIONS, EXAMPLE, "create-7c0f");
        MvcTestResult again = post(clinic, SUBSCRIPTIONS, EXAMPLE, "create-7c0f");
        MvcTestResult otherBody = post(clinic, SUBSCRIPTIONS, EXAMPLE.replace("EHR", "Lab"), "create-7c0f");
        MvcTestResult otherClinic = post(clinic(), SUBSCRIPTIONS, EXAMPLE, "create-7c0f");

        assertThat(again).hasStatus(201);
        assertThat(body(again)).isEqualTo(body(first));
        assertThat(otherBody).hasStatus(409);
        assertThat(body(get(clinic, SUBSCRIPTIONS)).get("subscriptions")).hasSize(1);
        assertThat(otherClinic).hasStatus(201);
        assertThat(body(otherClinic).get("id")).isNotEqualTo(body(first).get("id"));
    }

    @Test
    void anIdempotencyKeyReplaysFor24HoursAndIsDoneAfreshAfter() {
        String clinic = clinic();
        MvcTestResult first = post(clinic, SUBSCRIPTIONS, EXAMPLE, "create-24h");

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        MvcTestResult withinADay = post(clinic, SUBSCRIPTIONS, EXAMPLE, "create-24h");
        clock.advance(Duration.ofSeconds(1));
        MvcTestResult afterADay = post(clinic, SUBSCRIPTIONS, EXAMPLE.replace("EHR", "Lab"), "create-24h");

        assertThat(withinADay).hasStatus(201);
        assertThat(body(withinADay).get("id")).isEqualTo(body(first).get("id"));
        assertThat(afterADay).hasStatus(201);
        assertThat(body(afterADay).get("id")).isNotEqualTo(body(first).get("id"));
        assertThat(body(get(clinic, SUBSCRIPTIONS)).get("subscriptions")).hasSize(2);
    }

    @Test
    void rotationSignsWithBothSecretsForTheOverlapAndAZeroOverlapDropsTheOldOneAtOnce() {
        String clinic = clinic();
        JsonNode created = body(post(clinic, SUBSCRIPTIONS, EXAMPLE, null));
        String path = SUBSCRIPTIONS + "/" + created.get("id").asString();

        JsonNode rotated = body(post(clinic, path + "/secret/rotate", null, null));
        assertThat(rotated.propertyNames()).containsExactly("secret", "previousSecretExpiresAt");
        assertThat(rotated.get("secret").asString()).matches("whsec_[A-Za-z0-9+/]{43}=")
                .isNotEqualTo(created.get("secret").asString());
        assertThat(Instant.parse(rotated.get("previousSecretExpiresAt").asString()))
                .isEqualTo(TestClock.at(NOW).plus(Duration.ofHours(24)));
        JsonNode read = body(get(clinic, path));
        assertThat(read.get("previousSecretExpiresAt")).isEqualTo(rotated.get("previousSecretExpiresAt"));
        assertThat(read.get("id")).isEqualTo(created.get("id"));
        assertThat(read.get("status").asString()).isEqualTo("ACTIVE");

        JsonNode leaked = body(post(clinic, path + "/secret/rotate", "{\"overlapSeconds\": 0}", null));
        assertThat(leaked.get("previousSecretExpiresAt").isNull()).isTrue();
        assertThat(body(get(clinic, path)).get("previousSecretExpiresAt").isNull()).isTrue();

        assertThat(errorFields(post(clinic, path + "/secret/rotate", "{\"overlapSeconds\": 259201}", null)))
                .containsExactly("overlapSeconds");
    }

    @Test
    void aRotationRepeatedWithItsIdempotencyKeyRotatesOnce() {
        String clinic = clinic();
        String path = SUBSCRIPTIONS + "/" + body(post(clinic, SUBSCRIPTIONS, EXAMPLE, null)).get("id").asString();

        JsonNode first = body(post(clinic, path + "/secret/rotate", "{\"overlapSeconds\": 60}", "rotate-1"));
        JsonNode again = body(post(clinic, path + "/secret/rotate", "{\"overlapSeconds\": 60}", "rotate-1"));

        assertThat(again).isEqualTo(first);
        assertThat(post(clinic, path + "/secret/rotate", "{\"overlapSeconds\": 0}", "rotate-1")).hasStatus(409);
    }

    @Test
    void enablingAnActiveSubscriptionChangesNothing() {
        String clinic = clinic();
        JsonNode created = body(post(clinic, SUBSCRIPTIONS, EXAMPLE, null));
        String path = SUBSCRIPTIONS + "/" + created.get("id").asString();

        MvcTestResult enabled = post(clinic, path + "/enable", null, null);

        assertThat(enabled).hasStatusOk();
        assertThat(body(enabled)).isEqualTo(body(get(clinic, path)));
        assertThat(body(enabled).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aDeletedSubscriptionIsNotFoundOnEveryPath() {
        String clinic = clinic();
        String path = SUBSCRIPTIONS + "/" + body(post(clinic, SUBSCRIPTIONS, EXAMPLE, null)).get("id").asString();

        assertThat(delete(clinic, path)).hasStatus(204);

        assertThat(get(clinic, path)).hasStatus(404);
        assertThat(delete(clinic, path)).hasStatus(404);
        assertThat(post(clinic, path + "/secret/rotate", null, null)).hasStatus(404);
        assertThat(post(clinic, path + "/enable", null, null)).hasStatus(404);
        assertThat(body(get(clinic, SUBSCRIPTIONS)).get("subscriptions")).isEmpty();
    }

    @Test
    void anotherClinicsSubscriptionAnswersExactlyAsAnUnknownIdOnEveryPath() {
        String riverside = clinic();
        String lakeside = clinic();
        String id = body(post(riverside, SUBSCRIPTIONS, EXAMPLE, null)).get("id").asString();
        String unknown = UUID.randomUUID().toString();

        for (String suffix : new String[] {"", "/secret/rotate", "/enable"}) {
            MvcTestResult theirs = suffix.isEmpty() ? get(lakeside, SUBSCRIPTIONS + "/" + id)
                    : post(lakeside, SUBSCRIPTIONS + "/" + id + suffix, null, null);
            MvcTestResult none = suffix.isEmpty() ? get(lakeside, SUBSCRIPTIONS + "/" + unknown)
                    : post(lakeside, SUBSCRIPTIONS + "/" + unknown + suffix, null, null);
            assertThat(theirs).as(suffix).hasStatus(404);
            assertThat(body(theirs).toString().replace(id, unknown)).isEqualTo(body(none).toString());
        }
        assertThat(delete(lakeside, SUBSCRIPTIONS + "/" + id)).hasStatus(404);
        assertThat(body(get(lakeside, SUBSCRIPTIONS)).get("subscriptions")).isEmpty();
        assertThat(get(riverside, SUBSCRIPTIONS + "/" + id)).as("still there for its clinic").hasStatusOk();
    }

    @Test
    void aClinicNamedInTheBodyIsIgnored() {
        String clinic = clinic();
        String other = clinic();
        post(clinic, SUBSCRIPTIONS, EXAMPLE.replace("\"url\"", "\"partnerClinicId\": \"" + other + "\", \"url\""),
                null);

        assertThat(body(get(clinic, SUBSCRIPTIONS)).get("subscriptions")).hasSize(1);
        assertThat(body(get(other, SUBSCRIPTIONS)).get("subscriptions")).isEmpty();
    }

    /** A fresh partner clinic for each use, so tests sharing the database never see each other's subscriptions. */
    static String clinic() {
        return "clinic-" + UUID.randomUUID().toString().substring(0, 8);
    }

    MvcTestResult post(String clinic, String path, String body, String idempotencyKey) {
        var request = mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    MvcTestResult get(String clinic, String path) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer()).exchange();
    }

    MvcTestResult delete(String clinic, String path) {
        return mvc.delete().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer())
                .exchange();
    }

    JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    List<String> errorFields(MvcTestResult result) {
        assertThat(result).hasStatus(422);
        List<String> fields = new ArrayList<>();
        body(result).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
