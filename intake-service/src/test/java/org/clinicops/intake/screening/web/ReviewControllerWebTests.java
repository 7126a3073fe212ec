package org.clinicops.intake.screening.web;

import org.clinicops.events.Topics;
import org.clinicops.intake.Concurrently;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The review queue and a clinician's decision over real HTTP: CLINICAL section 5. */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, now = Examples.NOW)
class ReviewControllerWebTests {

    static final Instant NOW = TestClock.at(Examples.NOW);
    static final String REVIEWED = "org.clinicops.screening.reviewed.v1";

    static final String NEEDS_REVIEW = JsonEdit.of(Examples.SCREENING)
            .set("/history/failedAntidepressantTrials", "1").json();
    static final String CRISIS = JsonEdit.of(Examples.SCREENING).set("/instruments/phq9/8", "1").json();
    static final String INELIGIBLE = JsonEdit.of(Examples.SCREENING).set("/vitals/systolic", "164").json();
    static final String CRISIS_AND_INELIGIBLE = JsonEdit.of(Examples.SCREENING).set("/instruments/phq9/8", "1")
            .set("/history/conditions", "[\"PREGNANT\"]").json();

    static final String NOTE = "Second antidepressant trial confirmed with the referring psychiatrist.";
    static final String OVERRIDE_REASON = "BP controlled since: 132/84 at two visits this week.";
    static final String APPROVE = """
            { "decision": "APPROVE", "note": "%s" }
            """.formatted(NOTE);
    static final String DECLINE = JsonEdit.of(APPROVE).set("/decision", "\"DECLINE\"").json();
    static final String OVERRIDE = JsonEdit.of(APPROVE).set("/overrideReason", "\"" + OVERRIDE_REASON + "\"").json();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    IntakeHttp http;
    String patientId;

    @BeforeEach
    void registerDana() {
        clock.set(NOW);
        http = new IntakeHttp(port);
        patientId = register(Examples.PATIENT);
    }

    @Test
    void theQueueListsUnassessedCrisesFirstThenOldestFirst() {
        // recorded in one order, dated in another: the queue goes by recordedAt
        clock.set(NOW.plusSeconds(600));
        String laterReview = screen(NEEDS_REVIEW);
        clock.set(NOW.plusSeconds(60));
        String earlierReview = screen(NEEDS_REVIEW);
        clock.set(NOW.plusSeconds(900));
        String laterCrisis = screen(CRISIS);
        clock.set(NOW.plusSeconds(300));
        String earlierCrisis = screen(CRISIS);
        String eligible = screen(Examples.SCREENING);
        String ineligible = screen(INELIGIBLE);
        String approvedReview = screen(NEEDS_REVIEW);
        String assessedCrisis = screen(CRISIS);
        assertThat(review(approvedReview, APPROVE).status()).isEqualTo(200);
        assertThat(review(assessedCrisis, DECLINE).status()).isEqualTo(200);
        Set<String> mine = Set.of(laterReview, earlierReview, laterCrisis, earlierCrisis, eligible, ineligible,
                approvedReview, assessedCrisis);

        Reply queue = http.get("/api/screenings?status=NEEDS_CLINICIAN_REVIEW");

        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        assertThat(queue.json().isArray()).isTrue();
        assertThat(ids(queue.json()).stream().filter(mine::contains))
                .containsExactly(earlierCrisis, laterCrisis, earlierReview, laterReview);
        List<JsonNode> entries = new ArrayList<>();
        queue.json().forEach(entries::add);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.path("status").asString()).isIn("CRISIS_ESCALATION", "NEEDS_CLINICIAN_REVIEW");
            assertThat(entry.path("crisis").asBoolean()).isEqualTo(entry.path("status").asString()
                    .equals("CRISIS_ESCALATION"));
        });
        // across the whole queue: every unassessed crisis before every review, each group oldest first
        List<Boolean> crisisFlags = entries.stream().map(entry -> entry.path("crisis").asBoolean()).toList();
        assertThat(crisisFlags).isSortedAccordingTo(Comparator.reverseOrder());
        for (boolean crisis : new boolean[] {true, false}) {
            assertThat(entries.stream().filter(entry -> entry.path("crisis").asBoolean() == crisis)
                    .map(entry -> Instant.parse(entry.path("recordedAt").asString())).toList()).isSorted();
        }
        JsonNode crisis = entries.stream().filter(entry -> entry.path("screeningId").asString().equals(earlierCrisis))
                .findFirst().orElseThrow();
        assertThat(crisis.path("patientId").asString()).isEqualTo(patientId);
        assertThat(crisis.path("indication").asString()).isEqualTo("DEPRESSION");
        assertThat(crisis.path("outcome").asString()).isEqualTo("CRISIS_ESCALATION");
        assertThat(crisis.path("reasons")).isEqualTo(IntakeHttp.parse("[\"PHQ9_ITEM9_POSITIVE\"]"));
        assertThat(crisis.path("findings").get(0).path("rule").asString()).isEqualTo("S-1");
        assertThat(crisis.path("scores").path("phq9").path("total").asInt()).isEqualTo(13);
        assertThat(crisis.path("recordedAt").asString()).isEqualTo(TestClock.isoInstant("2026-11-21T05:05:00Z"));
        assertThat(crisis.path("crisis").asBoolean()).isTrue();
    }

    @Test
    void everyOtherStatusFiltersExactlyByStatusOldestFirst() {
        String eligible = screen(Examples.SCREENING);
        String crisis = screen(CRISIS);
        String ineligible = screen(INELIGIBLE);
        String waiting = screen(NEEDS_REVIEW);
        String approved = screen(NEEDS_REVIEW);
        String declined = screen(INELIGIBLE);
        assertThat(review(approved, APPROVE).status()).isEqualTo(200);
        assertThat(review(declined, DECLINE).status()).isEqualTo(200);
        Map<String, String> byStatus = Map.of("ELIGIBLE", eligible, "CRISIS_ESCALATION", crisis,
                "INELIGIBLE", ineligible, "APPROVED", approved, "DECLINED", declined);

        byStatus.forEach((status, screeningId) -> {
            Reply list = http.get("/api/screenings?status=" + status);

            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(ids(list.json())).as(status).contains(screeningId).doesNotContain(waiting)
                    .doesNotContainAnyElementsOf(byStatus.values().stream()
                            .filter(other -> !other.equals(screeningId)).toList());
            list.json().forEach(entry -> {
                assertThat(entry.path("status").asString()).isEqualTo(status);
                assertThat(entry.path("crisis").asBoolean()).isEqualTo(status.equals("CRISIS_ESCALATION"));
            });
            List<Instant> recorded = new ArrayList<>();
            list.json().forEach(entry -> recorded.add(Instant.parse(entry.path("recordedAt").asString())));
            assertThat(recorded).isSorted();
        });
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"?status=PENDING", "?status=needs_clinician_review", "?status=", ""})
    void anUnknownOrMissingStatusIsABadRequestNamingStatus(String query) {
        Reply reply = http.get("/api/screenings" + query);

        assertProblem(reply, 400);
        assertThat(reply.errorFields()).containsExactly("status");
        assertThat(reply.text("detail")).contains("status");
    }

    @Test
    void approvingAReviewRecordsWhoWhenAndWhyAndPublishesScreeningReviewed() {
        String screeningId = screen(NEEDS_REVIEW);
        clock.set(NOW.plusSeconds(3600));

        Reply approved = review(screeningId, APPROVE);

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("screeningId")).isEqualTo(screeningId);
        assertThat(approved.text("outcome")).isEqualTo("NEEDS_CLINICIAN_REVIEW");
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.json().path("review")).isEqualTo(IntakeHttp.parse("""
                { "decision": "APPROVE", "clinicianId": "dr-okafor", "clinicianRole": "CLINICIAN", "note": "%s",
                  "overrideReason": null, "decidedAt": "%s" }
                """.formatted(NOTE, TestClock.isoInstant("2026-11-21T06:00:00Z"))));
        assertThat(http.get("/api/screenings/" + screeningId).json()).isEqualTo(approved.json());
        JsonNode event = reviewedEvent(screeningId);
        assertThat(event.path("decision").asString()).isEqualTo("APPROVED");
        assertThat(event.path("override").asBoolean()).isFalse();
        assertThat(event.path("outcome").asString()).isEqualTo("NEEDS_CLINICIAN_REVIEW");
        assertThat(event.path("patientId").asString()).isEqualTo(patientId);
        assertThat(event.path("occurredAt").asString()).isEqualTo(TestClock.isoInstant("2026-11-21T06:00:00Z"));
        assertThat(event.toString()).doesNotContain(NOTE, "dr-okafor");
    }

    @Test
    void decliningAReviewDeclinesIt() {
        String screeningId = screen(NEEDS_REVIEW);

        Reply declined = review(screeningId, DECLINE);

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.text("status")).isEqualTo("DECLINED");
        assertThat(declined.json().path("review").path("decision").asString()).isEqualTo("DECLINE");
        assertThat(reviewedEvent(screeningId).path("decision").asString()).isEqualTo("DECLINED");
    }

    @Test
    void anyClinicianMayApproveACrisisAfterAssessingItAndItLeavesTheQueue() {
        String screeningId = screen(CRISIS);

        Reply approved = review(screeningId, APPROVE);

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(reviewedEvent(screeningId).path("outcome").asString()).isEqualTo("CRISIS_ESCALATION");
        assertThat(ids(http.get("/api/screenings?status=NEEDS_CLINICIAN_REVIEW").json())).doesNotContain(screeningId);
        assertThat(ids(http.get("/api/screenings?status=APPROVED").json())).contains(screeningId);
    }

    @Test
    void aScreeningIsDecidedOnce() {
        String screeningId = screen(NEEDS_REVIEW);
        review(screeningId, APPROVE);
        Writes before = writes();

        Reply again = review(screeningId, DECLINE);

        assertProblem(again, 409);
        assertThat(again.text("detail")).contains("APPROVED", "dr-okafor");
        assertThat(writes()).isEqualTo(before);
        assertThat(http.get("/api/screenings/" + screeningId).text("status")).isEqualTo("APPROVED");
    }

    @Test
    void ofDecisionsSentAtOnceExactlyOneIsTaken() throws Exception {
        String screeningId = screen(NEEDS_REVIEW);

        List<Reply> replies = Concurrently.run(6, () -> review(screeningId, APPROVE));

        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 409).hasSize(5);
        assertThat(reviewedEvents(screeningId)).isOne();
    }

    @Test
    void theReviewersIdAndRoleAreTheTokens_bodyMembersOfThoseNamesAreIgnored() {
        String screeningId = screen(NEEDS_REVIEW);

        Reply reply = review(screeningId, JsonEdit.of(APPROVE).set("/clinicianId", "\"someone-else\"")
                .set("/clinicianRole", "\"PRESCRIBER\"").json());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("review").path("clinicianId").asString()).isEqualTo("dr-okafor");
        assertThat(reply.json().path("review").path("clinicianRole").asString()).isEqualTo("CLINICIAN");
        assertThat(reviewedEvents(screeningId)).isOne();
    }

    @Test
    void aClinicianWhoseBodyClaimsToBeAPrescriberCannotOverride_theTokenSaysWhoDecides() {
        String screeningId = screen(INELIGIBLE);
        Writes before = writes();

        Reply reply = review(screeningId, JsonEdit.of(OVERRIDE).set("/clinicianRole", "\"PRESCRIBER\"").json());

        assertProblem(reply, 403);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void aNurseDoesNotDecideScreenings_refusedBeforeTheScreeningIsLookedAt() {
        String screeningId = screen(NEEDS_REVIEW);
        Writes before = writes();
        String nurse = TestTokens.staff("rn-lee", "NURSE").bearer();

        Reply known = review(screeningId, APPROVE, HttpHeaders.AUTHORIZATION, nurse);
        Reply unknown = review(UUID.randomUUID().toString(), APPROVE, HttpHeaders.AUTHORIZATION, nurse);

        assertProblem(known, 403);
        assertProblem(unknown, 403);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void onlyAPrescriberWithAReasonMayApproveAnIneligibleScreening() {
        String screeningId = screen(INELIGIBLE);
        Writes before = writes();

        Reply clinician = review(screeningId, OVERRIDE);
        Reply withoutReason = reviewAsPrescriber(screeningId, JsonEdit.of(OVERRIDE).remove("/overrideReason").json());
        Reply blankReason = reviewAsPrescriber(screeningId, JsonEdit.of(OVERRIDE).set("/overrideReason", "\"  \"")
                .json());
        Reply neitherReasonNorNote = reviewAsPrescriber(screeningId, JsonEdit.of(OVERRIDE).remove("/overrideReason")
                .set("/note", "\"\"").json());

        assertProblem(clinician, 403);
        assertThat(clinician.text("detail")).contains("PRESCRIBER");
        assertProblem(withoutReason, 422);
        assertThat(withoutReason.errorFields()).containsExactly("overrideReason");
        assertProblem(blankReason, 422);
        assertThat(blankReason.errorFields()).containsExactly("overrideReason");
        assertProblem(neitherReasonNorNote, 422);
        assertThat(neitherReasonNorNote.errorFields()).containsExactlyInAnyOrder("note", "overrideReason");
        assertThat(writes()).isEqualTo(before);

        Reply prescriber = reviewAsPrescriber(screeningId, OVERRIDE);

        assertThat(prescriber.status()).as(prescriber.toString()).isEqualTo(200);
        assertThat(prescriber.text("status")).isEqualTo("APPROVED");
        assertThat(prescriber.json().path("review").path("clinicianRole").asString()).isEqualTo("PRESCRIBER");
        assertThat(prescriber.json().path("review").path("overrideReason").asString()).isEqualTo(OVERRIDE_REASON);
        JsonNode event = reviewedEvent(screeningId);
        assertThat(event.path("override").asBoolean()).isTrue();
        assertThat(event.path("outcome").asString()).isEqualTo("INELIGIBLE");
        assertThat(event.toString()).doesNotContain(NOTE, OVERRIDE_REASON);
    }

    @Test
    void anyClinicianMayConfirmAnIneligibleScreeningByDecliningIt() {
        String screeningId = screen(INELIGIBLE);

        Reply declined = review(screeningId, DECLINE);

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.text("status")).isEqualTo("DECLINED");
        assertThat(reviewedEvent(screeningId).path("override").asBoolean()).isFalse();
    }

    @Test
    void s5AgeUnder18CannotBeOverriddenEvenByAPrescriber() {
        // 16 on the example's screening day, wherever the test clock stands
        String minor = register(JsonEdit.of(Examples.PATIENT)
                .set("/dateOfBirth", "\"" + TestClock.isoDate("2010-01-01") + "\"").json());
        Reply screening = http.post("/api/patients/" + minor + "/screenings", Examples.SCREENING);
        assertThat(screening.json().path("reasons")).isEqualTo(IntakeHttp.parse("[\"AGE_UNDER_18\"]"));
        String screeningId = screening.text("screeningId");
        Writes before = writes();

        Reply prescriber = reviewAsPrescriber(screeningId, OVERRIDE);
        Reply clinician = review(screeningId, OVERRIDE);

        for (Reply refused : List.of(prescriber, clinician)) {
            assertProblem(refused, 422);
            assertThat(refused.errorFields()).containsExactly("decision");
            assertThat(refused.json().path("errors").get(0).path("message").asString())
                    .contains("AGE_UNDER_18 cannot be overridden");
        }
        assertThat(writes()).isEqualTo(before);
        assertThat(review(screeningId, DECLINE).status()).isEqualTo(200);
    }

    @Test
    void aCrisisWithAnIneligibleFindingIsApprovedOnlyByAPrescribersOverride() {
        String screeningId = screen(CRISIS_AND_INELIGIBLE);
        Writes before = writes();

        Reply clinician = review(screeningId, APPROVE);
        Reply withoutReason = reviewAsPrescriber(screeningId, JsonEdit.of(OVERRIDE).remove("/overrideReason").json());

        assertProblem(clinician, 403);
        assertProblem(withoutReason, 422);
        assertThat(withoutReason.errorFields()).containsExactly("overrideReason");
        assertThat(writes()).isEqualTo(before);
        Reply prescriber = reviewAsPrescriber(screeningId, OVERRIDE);
        assertThat(prescriber.status()).as(prescriber.toString()).isEqualTo(200);
        JsonNode event = reviewedEvent(screeningId);
        assertThat(event.path("outcome").asString()).isEqualTo("CRISIS_ESCALATION");
        assertThat(event.path("override").asBoolean()).isTrue();
    }

    @Test
    void anEligibleScreeningHasNothingToDecide() {
        String screeningId = screen(Examples.SCREENING);
        Writes before = writes();

        Reply reply = review(screeningId, APPROVE);

        assertProblem(reply, 409);
        assertThat(reply.text("detail")).contains("ELIGIBLE");
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void anUnknownScreeningIsNotFoundBeforeTheBodyIsLookedAt() {
        for (String body : new String[] {APPROVE, "{}", "not json"}) {
            assertProblem(review(UUID.randomUUID().toString(), body), 404);
        }
    }

    @Test
    void aMalformedScreeningIdIsABadRequestNamingScreeningIdBeforeTheBodyIsLookedAt() {
        Reply reply = review("not-an-id", APPROVE);

        assertProblem(reply, 400);
        assertThat(reply.errorFields()).containsExactly("screeningId");
    }

    static Stream<Arguments> invalidReviews() {
        return Stream.of(
                arguments("nothing", "{}", List.of("decision", "note")),
                arguments("nulls", """
                                { "decision": null, "note": null }""", List.of("decision", "note")),
                arguments("wrong values and types", """
                                { "decision": "MAYBE", "note": "   " }""", List.of("decision", "note")),
                arguments("decision in lower case", JsonEdit.of(APPROVE).set("/decision", "\"approve\"").json(),
                        List.of("decision")),
                arguments("past-tense decision", JsonEdit.of(APPROVE).set("/decision", "\"APPROVED\"").json(),
                        List.of("decision")),
                arguments("note over 2000 characters",
                        JsonEdit.of(APPROVE).set("/note", "\"" + "n".repeat(2001) + "\"").json(), List.of("note")),
                arguments("override reason where nothing is overridden",
                        JsonEdit.of(APPROVE).set("/overrideReason", "\"because\"").json(), List.of("overrideReason")),
                arguments("override reason not a string",
                        JsonEdit.of(DECLINE).set("/overrideReason", "5").json(), List.of("overrideReason")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReviews")
    void everyInvalidFieldIsNamedAndNothingIsWritten(String description, String body, List<String> fields) {
        String screeningId = screen(NEEDS_REVIEW);
        Writes before = writes();

        Reply reply = review(screeningId, body);

        assertProblem(reply, 422);
        assertThat(reply.errorFields()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(reply.json().path("errors")).allSatisfy(error ->
                assertThat(error.path("message").asString()).isNotBlank());
        assertThat(writes()).isEqualTo(before);
        assertThat(http.get("/api/screenings/" + screeningId).json().path("review").isNull()).isTrue();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsABadRequest() {
        String screeningId = screen(NEEDS_REVIEW);
        Writes before = writes();

        for (String body : new String[] {"decision=APPROVE", "{\"decision\": ", "[]", ""}) {
            assertProblem(review(screeningId, body), 400);
        }
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswerTheDecisionAgainAndPublishOnce() {
        String screeningId = screen(NEEDS_REVIEW);
        String key = "review-" + UUID.randomUUID();

        Reply first = review(screeningId, APPROVE, "Idempotency-Key", key);
        Reply again = review(screeningId, APPROVE, "Idempotency-Key", key);
        Reply otherBody = review(screeningId, DECLINE, "Idempotency-Key", key);
        Reply otherKey = review(screeningId, APPROVE, "Idempotency-Key", key + "-2");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertProblem(otherBody, 422);
        assertThat(otherBody.errorFields()).containsExactly("Idempotency-Key");
        assertProblem(otherKey, 409);
        assertThat(reviewedEvents(screeningId)).isOne();
    }

    /** What a refused request must leave untouched. */
    record Writes(long screenings, long decided, long events, long idempotencyKeys) {
    }

    private Writes writes() {
        return new Writes(count("select count(*) from screening"),
                count("select count(*) from screening where decision is not null"),
                count("select count(*) from outbox_event where topic <> 'clinic.audit'"),
                count("select count(*) from idempotency_key"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long reviewedEvents(String screeningId) {
        return jdbc.sql("select count(*) from outbox_event where subject = :subject and event_type = :type")
                .param("subject", screeningId).param("type", REVIEWED).query(Long.class).single();
    }

    /** The ScreeningReviewed stored for the relay, with its Kafka key checked. */
    private JsonNode reviewedEvent(String screeningId) {
        assertThat(reviewedEvents(screeningId)).isOne();
        return jdbc.sql("select message_key, payload from outbox_event where subject = :subject and event_type = :type")
                .param("subject", screeningId).param("type", REVIEWED)
                .query((rs, row) -> {
                    assertThat(rs.getString("message_key")).isEqualTo(patientId);
                    return IntakeHttp.parse(rs.getString("payload"));
                })
                .single();
    }

    private String register(String patient) {
        Reply reply = http.post("/api/patients", patient);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("patientId");
    }

    private String screen(String body) {
        Reply reply = http.post("/api/patients/" + patientId + "/screenings", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("screeningId");
    }

    /** A review by dr-okafor, a clinician who does not prescribe, unless {@code headers} name another token. */
    private Reply review(String screeningId, String body, String... headers) {
        boolean ownToken = Arrays.stream(headers).anyMatch(HttpHeaders.AUTHORIZATION::equalsIgnoreCase);
        String[] sent = ownToken ? headers : Stream.concat(Stream.of(HttpHeaders.AUTHORIZATION,
                TestTokens.staff("dr-okafor", "CLINICIAN").bearer()), Arrays.stream(headers)).toArray(String[]::new);
        return http.post("/api/screenings/" + screeningId + "/review", body, sent);
    }

    /** A review by dr-okafor signed in as a prescriber, who may override. */
    private Reply reviewAsPrescriber(String screeningId, String body) {
        return review(screeningId, body, HttpHeaders.AUTHORIZATION,
                TestTokens.staff("dr-okafor", "PRESCRIBER").bearer());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(entry -> ids.add(entry.path("screeningId").asString()));
        return ids;
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(reply.toString())
                .isTrue();
    }
}
