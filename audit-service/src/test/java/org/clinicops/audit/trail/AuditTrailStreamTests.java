package org.clinicops.audit.trail;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.clinicops.audit.Trail;
import org.clinicops.events.AuditRecorded;
import org.clinicops.events.Topics;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Records on clinic.audit become the chain, each once, and are read back by patient or actor, oldest first. */
@ServiceTest(topics = Topics.AUDIT, partitions = 3)
@AutoConfigureMockMvc
class AuditTrailStreamTests {

    private static final String ADMIN = TestTokens.staff("privacy-officer", "CLINIC_ADMIN").bearer();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;

    static CloudEventProducer producer;

    @BeforeAll
    static void connect(@Autowired EmbeddedKafkaBroker broker) {
        producer = new CloudEventProducer(broker.getBrokersAsString());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void theHeadsTopicIsMadeCompacted_soTheChainsLatestHeadIsNeverDeletedForItsAge() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource heads = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AUDIT_HEADS);
            Config config = admin.describeConfigs(List.of(heads)).all().get().get(heads);

            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void aRecordDeliveredTwiceIsAppendedOnceAndEveryRecordLinksToTheOneBefore() {
        UUID patient = UUID.randomUUID();
        AuditRecorded first = Trail.read("demo-nurse", patient);
        AuditRecorded second = Trail.read("demo-clinician", patient);
        send(first);
        send(first);
        send(second);

        // visible within 5 s of the service's answer, on a broker that partitions them; each of these reads of the
        // trail is a record of audit-service's own, appended too
        List<JsonNode> records = await().atMost(Duration.ofSeconds(5)).until(
                () -> intakeRecords(body(get("/api/audit?patientId=" + patient))), r -> r.size() == 2);

        assertThat(count(first.auditId())).isOne();
        List<JsonNode> all = allRecords();
        for (int i = 0; i < all.size(); i++) {
            JsonNode record = all.get(i);
            assertThat(record.get("chain").asString()).isEqualTo("clinic-ops");
            assertThat(record.get("seq").asLong()).isEqualTo(i + 1);
            assertThat(record.get("prevHash").asString())
                    .isEqualTo(i == 0 ? "0".repeat(64) : all.get(i - 1).get("hash").asString());
            assertThat(record.get("hash").asString()).matches("[0-9a-f]{64}").isEqualTo(ChainHash.of(record));
        }
        JsonNode served = records.getFirst();
        assertThat(served.propertyNames()).containsExactly("auditId", "chain", "seq", "at", "service", "actor",
                "clientId", "roles", "action", "method", "route", "patientIds", "outcome", "sourceIp",
                "correlationId", "prevHash", "hash");
        assertThat(served.get("auditId").asString()).isEqualTo(first.auditId().toString());
        assertThat(served.get("at").asString()).isEqualTo(first.at().toString());
        assertThat(served.get("route").asString()).isEqualTo("/api/patients/{patientId}");
        assertThat(served.get("outcome").asInt()).isEqualTo(200);
    }

    @Test
    void readingAPatientsTrailIsItselfARecordInThatTrail_appendedThroughTheServicesOwnOutbox() {
        UUID patient = UUID.randomUUID();

        MvcTestResult read = mvc.get().uri("/api/audit?patientId=" + patient)
                .header(HttpHeaders.AUTHORIZATION, ADMIN).header("X-Correlation-Id", "trail-read-1").exchange();

        assertThat(read).hasStatusOk();
        JsonNode record = await().atMost(Duration.ofSeconds(5)).until(
                () -> body(get("/api/audit?patientId=" + patient)).get("records").valueStream()
                        .filter(r -> r.get("correlationId").asString().equals("trail-read-1")).toList(),
                r -> r.size() == 1).getFirst();
        assertThat(record.get("service").asString()).isEqualTo("audit-service");
        assertThat(record.get("actor").asString()).isEqualTo("privacy-officer");
        assertThat(record.get("action").asString()).isEqualTo("READ");
        assertThat(record.get("route").asString()).isEqualTo("/api/audit");
        assertThat(record.get("patientIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(patient.toString());
        assertThat(record.get("outcome").asInt()).isEqualTo(200);
    }

    @Test
    void anActorsRecordsArePagedOldestFirstWithACursorUntilTheLast() {
        String actor = "dr-" + UUID.randomUUID().toString().substring(0, 8);
        List<AuditRecorded> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AuditRecorded record = Trail.read(actor, UUID.randomUUID());
            sent.add(record);
            // one after the other, so the chain's order is the order sent
            send(record);
            await().until(() -> count(record.auditId()) == 1);
        }

        JsonNode page1 = body(get("/api/audit?actor=" + actor + "&limit=2"));
        JsonNode page2 = body(get("/api/audit?actor=" + actor + "&limit=2&cursor=" + page1.get("next").asString()));
        JsonNode page3 = body(get("/api/audit?actor=" + actor + "&limit=2&cursor=" + page2.get("next").asString()));

        List<String> read = new ArrayList<>();
        for (JsonNode page : List.of(page1, page2, page3)) {
            page.get("records").forEach(r -> read.add(r.get("auditId").asString()));
        }
        assertThat(read).containsExactlyElementsOf(sent.stream().map(r -> r.auditId().toString()).toList());
        assertThat(page3.get("records")).hasSize(1);
        assertThat(page3.get("next").isNull()).isTrue();
        assertThat(body(get("/api/audit?actor=" + actor)).get("records")).hasSize(5);
    }

    @Test
    void exactlyOneOfPatientAndActorAndALimitFromOneTo500() {
        assertBadRequestNaming(get("/api/audit"), "patientId");
        assertBadRequestNaming(get("/api/audit?patientId=" + UUID.randomUUID() + "&actor=demo-nurse"), "actor");
        assertBadRequestNaming(get("/api/audit?actor=demo-nurse&limit=501"), "limit");
        assertBadRequestNaming(get("/api/audit?actor=demo-nurse&limit=0"), "limit");
        assertBadRequestNaming(get("/api/audit?actor=demo-nurse&limit=many"), "limit");
        assertBadRequestNaming(get("/api/audit?patientId=not-a-uuid"), "patientId");
        assertBadRequestNaming(get("/api/audit?actor=demo-nurse&cursor=bm90LWEtY3Vyc29y"), "cursor");
        assertThat(get("/api/audit?actor=demo-nurse&limit=500")).hasStatusOk();
    }

    private void assertBadRequestNaming(MvcTestResult result, String parameter) {
        assertThat(result).hasStatus(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(result).at("/errors/0/field").asString()).isEqualTo(parameter);
    }

    private MvcTestResult get(String uri) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange();
    }

    private JsonNode body(MvcTestResult result) {
        assertThat(result.getResponse().getStatus()).as(uri(result)).isBetween(200, 499);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private static String uri(MvcTestResult result) {
        return result.getMvcResult().getRequest().getRequestURI();
    }

    /** The records other services sent, without audit-service's own records of the trail's readers. */
    private static List<JsonNode> intakeRecords(JsonNode page) {
        return page.get("records").valueStream().filter(r -> r.get("service").asString().equals("intake-service"))
                .toList();
    }

    private void send(AuditRecorded record) {
        producer.send(record, record.auditId());
    }

    private long count(UUID auditId) {
        return jdbc.sql("select count(*) from audit_record where audit_id = :id").param("id", auditId)
                .query(Long.class).single();
    }

    private List<JsonNode> allRecords() {
        return jdbc.sql("select record::text from audit_record order by seq").query(String.class).list().stream()
                .map(json::readTree).toList();
    }
}
