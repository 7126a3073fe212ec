package org.clinicops.audit.verification;

import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.audit.Trail;
import org.clinicops.audit.trail.AuditChain;
import org.clinicops.audit.trail.ChainHash;
import org.clinicops.events.AuditChainHead;
import org.clinicops.events.Topics;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tampering with stored records, as someone holding the owner's credentials could, is found and named: an edit, a
 * deletion in the middle, a deletion of the newest records. Each test undoes its tampering afterwards.
 */
@ServiceTest(topics = {Topics.AUDIT, Topics.AUDIT_HEADS}, properties = "audit.head-check-every=100ms")
@AutoConfigureMockMvc
class ChainVerificationTests {

    @Autowired
    AuditChain chain;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestClock clock;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    LatestHeads heads;

    @BeforeEach
    void fiveRecordsAndTheirHead() {
        for (int i = 0; i < 5; i++) {
            chain.append(Trail.read("demo-nurse", UUID.randomUUID()));
        }
        long newest = chain.head().seq();
        // a minute on the service's clock: the next head is due, and carries the newest record
        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> latestHeadSeq() == newest);
    }

    @Test
    void anIntactChainIsReportedIntactWithTheGaugeAtOne() {
        JsonNode answer = verify();

        assertThat(answer.get("intact").asBoolean()).isTrue();
        assertThat(answer.get("checkedAt").asString()).isEqualTo(clock.instant().toString());
        JsonNode check = answer.get("chains").get(0);
        assertThat(check.get("chain").asString()).isEqualTo("clinic-ops");
        assertThat(check.get("records").asLong()).isEqualTo(chain.head().seq());
        assertThat(check.get("intact").asBoolean()).isTrue();
        assertThat(check.get("firstBadSeq").isNull()).isTrue();
        assertThat(check.get("problem").isNull()).isTrue();
        assertThat(meters.get("clinic.audit.chain.intact").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void anEditedRecordIsAHashMismatchAtItsSeq() {
        long edited = chain.head().seq() - 2;
        String original = record(edited);

        tamper("update audit_record set record = jsonb_set(record, '{actor}', '\"someone-else\"') where seq = " + edited);

        assertProblem("HASH_MISMATCH", edited);
        tamper("update audit_record set record = '" + original + "'::jsonb where seq = " + edited);
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aRecordDeletedFromTheMiddleIsAGapAtItsSeq() {
        long deleted = chain.head().seq() - 2;
        String original = record(deleted);

        tamper("delete from audit_record where seq = " + deleted);

        assertProblem("GAP", deleted);
        restore(deleted, original);
    }

    @Test
    void theNewestRecordDeletedIsATruncationOfThePublishedHead() {
        long newest = chain.head().seq();
        String original = record(newest);

        tamper("delete from audit_record where seq = " + newest);

        assertProblem("TRUNCATED", newest);
        restore(newest, original);
    }

    @Test
    void aRecordReplacedWithAWellHashedOneIsABrokenLinkAfterIt() {
        long replaced = chain.head().seq() - 2;
        String original = record(replaced);
        JsonNode forged = json.readTree(original);
        ((ObjectNode) forged).put("actor", "someone-else");
        ((ObjectNode) forged).put("hash", ChainHash.of(forged));

        tamper("update audit_record set record = '" + json.writeValueAsString(forged) + "'::jsonb where seq = "
                + replaced);

        assertProblem("BROKEN_LINK", replaced + 1);
        tamper("update audit_record set record = '" + original + "'::jsonb where seq = " + replaced);
    }

    @Test
    void theOpsCommandPrintsTheSameAnswerAndExitsOneWhenNotIntact() {
        assertThat(command()).isZero();

        long edited = chain.head().seq() - 1;
        String original = record(edited);
        tamper("update audit_record set record = jsonb_set(record, '{outcome}', '403') where seq = " + edited);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(commandArgs(), new PrintStream(printed, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(exit).isOne();
        JsonNode answer = json.readTree(printed.toString(StandardCharsets.UTF_8));
        assertThat(answer.get("intact").asBoolean()).isFalse();
        assertThat(answer.at("/chains/0/problem").asString()).isEqualTo("HASH_MISMATCH");
        assertThat(answer.at("/chains/0/firstBadSeq").asLong()).isEqualTo(edited);
        tamper("update audit_record set record = '" + original + "'::jsonb where seq = " + edited);
    }

    private void assertProblem(String problem, long firstBadSeq) {
        JsonNode answer = verify();
        assertThat(answer.get("intact").asBoolean()).as(answer.toString()).isFalse();
        JsonNode check = answer.get("chains").get(0);
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("problem").asString()).as(answer.toString()).isEqualTo(problem);
        assertThat(check.get("firstBadSeq").asLong()).isEqualTo(firstBadSeq);
        assertThat(meters.get("clinic.audit.chain.intact").gauge().value()).isZero();
    }

    private JsonNode verify() {
        MvcTestResult result = mvc.get().uri("/api/audit/verify")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("ops-on-call", "OPS").bearer()).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private int command() {
        return VerifyCommand.run(commandArgs(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), System.err);
    }

    private String[] commandArgs() {
        return new String[]{VerifyCommand.ARGUMENT,
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--clinic.clock.start=" + TestClock.at("2026-11-25T17:00:00Z")};
    }

    private String record(long seq) {
        return jdbc.sql("select record::text from audit_record where seq = :seq").param("seq", seq)
                .query(String.class).single();
    }

    private void restore(long seq, String record) {
        tamper("insert into audit_record (chain, seq, audit_id, record) values ('clinic-ops', " + seq + ", '"
                + json.readTree(record).get("auditId").asString() + "', '" + record + "'::jsonb)");
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    private void tamper(String statement) {
        Trail.asOwnerWithoutTriggers(environment, statement);
    }

    private long latestHeadSeq() {
        return heads.of(AuditChain.CHAIN).map(AuditChainHead::seq).orElse(-1L);
    }
}
