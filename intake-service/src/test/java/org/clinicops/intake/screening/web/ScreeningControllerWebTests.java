package org.clinicops.intake.screening.web;

import org.clinicops.events.Topics;
import org.clinicops.intake.Concurrently;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Screenings over real HTTP: the contract of CLINICAL section 3 and its "Contract details". */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, now = Examples.NOW)
class ScreeningControllerWebTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    IntakeHttp http;
    String patientId;

    @BeforeEach
    void registerDana() {
        http = new IntakeHttp(port);
        patientId = register(Examples.PATIENT);
    }

    @Test
    void theContractExampleIsEligibleWithTheDocumentedScores() {
        Reply created = screen(Examples.SCREENING);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String screeningId = created.text("screeningId");
        assertThat(created.location()).isEqualTo("/api/screenings/" + screeningId);
        JsonNode body = created.json();
        assertThat(body.path("patientId").asString()).isEqualTo(patientId);
        assertThat(body.path("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(body.path("reasons").isArray()).isTrue();
        assertThat(body.path("reasons").isEmpty()).isTrue();
        assertThat(body.path("scores")).isEqualTo(IntakeHttp.parse("""
                {
                  "phq9":  { "total": 12, "severity": "MODERATE" },
                  "gad7":  { "total": 7,  "severity": "MILD" },
                  "pcl5":  { "total": 15, "severity": "BELOW_CUTOFF" },
                  "auditC": { "total": 1, "severity": "NEGATIVE" },
                  "dast10": { "total": 0, "severity": "NONE" },
                  "cssrs": { "severity": "NONE" }
                }
                """));
        assertThat(body.path("indication").asString()).isEqualTo("DEPRESSION");
        assertThat(body.path("screenedOn").asString()).isEqualTo(Examples.TODAY);
        assertThat(body.path("recordedAt").asString()).isEqualTo(TestClock.isoInstant(Examples.NOW));
        assertThat(body.path("baseline").asBoolean()).isTrue();
        assertThat(body.path("findings").isArray()).isTrue();
        assertThat(body.path("findings").isEmpty()).isTrue();
        assertThat(body.path("status").asString()).isEqualTo("ELIGIBLE");
        assertThat(body.path("progress").isNull()).isTrue();
        assertThat(body.path("review").isNull()).isTrue();

        Reply read = http.get(created.location());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);
    }

    @Test
    void oneFailedTrialNeedsAClinicianWithTrdNotEstablished() {
        Reply created = screen(JsonEdit.of(Examples.SCREENING).set("/history/failedAntidepressantTrials", "1").json());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("outcome")).isEqualTo("NEEDS_CLINICIAN_REVIEW");
        assertThat(strings(created.json().path("reasons"))).containsExactly("TRD_NOT_ESTABLISHED");
        JsonNode finding = created.json().path("findings").get(0);
        assertThat(finding.path("rule").asString()).isEqualTo("S-11");
        assertThat(finding.path("code").asString()).isEqualTo("TRD_NOT_ESTABLISHED");
        assertThat(finding.path("outcome").asString()).isEqualTo("NEEDS_CLINICIAN_REVIEW");
        assertThat(finding.path("explanation").asString()).contains("1 failed antidepressant trial");
    }

    @Test
    void s1AThoughtOfSelfHarmEscalatesEvenWhenIneligible() {
        Reply created = screen(JsonEdit.of(Examples.SCREENING)
                .set("/instruments/phq9/8", "1")
                .set("/history/conditions", "[\"PREGNANT\", \"ACTIVE_PSYCHOSIS\"]")
                .set("/vitals/systolic", "172").json());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("outcome")).isEqualTo("CRISIS_ESCALATION");
        assertThat(strings(created.json().path("reasons"))).containsExactlyInAnyOrder(
                "PHQ9_ITEM9_POSITIVE", "PREGNANT", "ACTIVE_PSYCHOSIS", "BP_UNCONTROLLED");
    }

    @Test
    void s8AndS9TogetherAreIneligibleWithBothReasonsAndDuplicatesCountOnce() {
        Reply created = screen(JsonEdit.of(Examples.SCREENING)
                .set("/history/conditions", "[\"PREGNANT\", \"BREASTFEEDING\", \"PREGNANT\"]")
                .set("/history/medications", "[\"MAOI\", \"MAOI\"]").json());

        assertThat(created.text("outcome")).isEqualTo("INELIGIBLE");
        assertThat(strings(created.json().path("reasons")))
                .containsExactlyInAnyOrder("PREGNANT", "BREASTFEEDING", "MAOI");
        assertThat(created.json().path("findings")).extracting(f -> f.path("rule").asString())
                .containsExactlyInAnyOrder("S-8", "S-9", "S-10");
    }

    @Test
    void scoresHaveAnEntryOnlyForTheInstrumentsGiven() {
        Reply created = screen(JsonEdit.of(Examples.SCREENING)
                .set("/instruments/pcl5", "null")
                .remove("/instruments/auditC")
                .remove("/instruments/dast10").json());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("scores").propertyNames()).containsExactlyInAnyOrder("phq9", "gad7", "cssrs");
        assertThat(created.text("outcome")).isEqualTo("ELIGIBLE");
    }

    @Test
    void anOptionalInstrumentGivenIsScoredAndCanFireS16ForAnyIndication() {
        // five "yes" on DAST-10 items other than 3, and item 3 "no" (reverse-scored): total 6
        Reply created = screen(JsonEdit.of(Examples.SCREENING)
                .set("/instruments/dast10", "[true, true, false, true, true, true, false, false, false, false]")
                .json());

        assertThat(created.json().path("scores").path("dast10"))
                .isEqualTo(IntakeHttp.parse("{\"total\": 6, \"severity\": \"SUBSTANTIAL\"}"));
        assertThat(strings(created.json().path("reasons"))).containsExactly("SUBSTANCE_SCREEN_POSITIVE");
    }

    @Test
    void theAuditCCutOffIsThreeWhenSexAtBirthIsUnknownAndFourForMale() {
        String unknownSex = register(JsonEdit.of(Examples.PATIENT).remove("/sexAtBirth").json());
        String male = register(JsonEdit.of(Examples.PATIENT).set("/sexAtBirth", "\"MALE\"").json());
        String auditCOfThree = JsonEdit.of(Examples.SCREENING).set("/instruments/auditC", "[1, 1, 1]").json();

        Reply unknown = http.post("/api/patients/" + unknownSex + "/screenings", auditCOfThree);
        Reply man = http.post("/api/patients/" + male + "/screenings", auditCOfThree);

        assertThat(unknown.json().path("scores").path("auditC").path("severity").asString()).isEqualTo("POSITIVE");
        assertThat(strings(unknown.json().path("reasons"))).containsExactly("SUBSTANCE_SCREEN_POSITIVE");
        assertThat(man.json().path("scores").path("auditC").path("severity").asString()).isEqualTo("NEGATIVE");
        assertThat(man.text("outcome")).isEqualTo("ELIGIBLE");
    }

    @Test
    void s5AgeIsTakenOnTheScreeningDateInCompletedYears() {
        // a leap-day birthday (2008-02-29, screened 2026-02-28 and 2026-03-01 in the reference week): the test clock
        // moves by 52-week years, which keep no 29 February, so the years are the latest such before today
        int eighteenth = latestEighteenthBirthdayOfALeapDayChild(TestClock.date("2026-11-20"));
        String born = register(JsonEdit.of(Examples.PATIENT)
                .set("/dateOfBirth", "\"" + LocalDate.of(eighteenth - 18, 2, 29) + "\"").json());

        Reply dayBefore = http.post("/api/patients/" + born + "/screenings", JsonEdit.of(Examples.SCREENING)
                .set("/screenedOn", "\"" + LocalDate.of(eighteenth, 2, 28) + "\"").json());
        Reply firstOfMarch = http.post("/api/patients/" + born + "/screenings", JsonEdit.of(Examples.SCREENING)
                .set("/screenedOn", "\"" + LocalDate.of(eighteenth, 3, 1) + "\"").json());

        assertThat(dayBefore.text("outcome")).isEqualTo("INELIGIBLE");
        assertThat(strings(dayBefore.json().path("reasons"))).containsExactly("AGE_UNDER_18");
        assertThat(firstOfMarch.text("outcome")).isEqualTo("ELIGIBLE");
    }

    @Test
    void screenedOnDefaultsToTodayInTheClinicsZone() {
        Reply created = screen(JsonEdit.of(Examples.SCREENING).remove("/screenedOn").json());

        assertThat(created.status()).isEqualTo(201);
        // UTC is already on 21 November; the clinic is still on the 20th
        assertThat(created.text("screenedOn")).isEqualTo(TestClock.isoDate("2026-11-20"));
    }

    @Test
    void laterScreeningsAreNotTheBaselineAndAreListedOldestFirst() {
        Reply first = screen(Examples.SCREENING);
        Reply second = screen(JsonEdit.of(Examples.SCREENING)
                .set("/screenedOn", "\"" + TestClock.isoDate("2026-11-19") + "\"")
                .set("/instruments/phq9/0", "3").json());

        assertThat(first.json().path("baseline").asBoolean()).isTrue();
        assertThat(second.json().path("baseline").asBoolean()).isFalse();
        Reply list = http.get("/api/patients/" + patientId + "/screenings");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("screenings")).extracting(s -> s.path("screeningId").asString())
                .containsExactly(first.text("screeningId"), second.text("screeningId"));
        JsonNode summary = list.json().path("screenings").get(1);
        assertThat(summary.path("screenedOn").asString()).isEqualTo(TestClock.isoDate("2026-11-19"));
        assertThat(summary.path("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(summary.path("status").asString()).isEqualTo("ELIGIBLE");
        assertThat(summary.path("reasons").isArray()).isTrue();
        assertThat(summary.path("scores").path("phq9").path("total").asInt()).isEqualTo(13);
        assertThat(summary.path("baseline").asBoolean()).isFalse();
        assertThat(summary.path("progress").path("baselineScreeningId").asString())
                .isEqualTo(first.text("screeningId"));
    }

    @Test
    void ofScreeningsRecordedAtOnceForANewPatientExactlyOneIsTheBaseline() throws Exception {
        List<Reply> replies = Concurrently.run(4, () -> screen(Examples.SCREENING));

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies).filteredOn(reply -> reply.json().path("baseline").asBoolean()).hasSize(1);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyRecordOneScreening() throws Exception {
        String key = "screening-" + UUID.randomUUID();
        long screenings = count("screening");

        List<Reply> replies = Concurrently.run(4, () -> http.post("/api/patients/" + patientId + "/screenings",
                Examples.SCREENING, "Idempotency-Key", key));

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies).extracting(Reply::location).containsOnly(replies.getFirst().location());
        assertThat(count("screening")).isEqualTo(screenings + 1);
    }

    @Test
    void scoresAreReportedInTheInstrumentsOrder() {
        Reply created = screen(Examples.SCREENING);

        assertThat(http.get(created.location()).json().path("scores").propertyNames())
                .containsExactly("phq9", "gad7", "pcl5", "auditC", "dast10", "cssrs");
    }

    @Test
    void aPatientWithoutScreeningsHasAnEmptyHistory() {
        Reply history = http.get("/api/patients/" + patientId + "/screenings");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json()).isEqualTo(IntakeHttp.parse("""
                { "patientId": "%s", "baselineScreeningId": null, "screenings": [], "instruments": {} }
                """.formatted(patientId)));
    }

    @ParameterizedTest(name = "{0}: PHQ-9 {1} -> {3}, PCL-5 {2} -> {4}")
    @CsvSource(nullValues = "none", value = {
            // CLINICAL D-9 response: PHQ-9 at most half the baseline total
            "DEPRESSION, 20, 15, 10, 15, -10, 0, true, false",
            "DEPRESSION, 20, 15, 11, 15, -9, 0, false, false",
            "DEPRESSION, 13, 15, 6, 15, -7, 0, true, false",
            "DEPRESSION, 13, 15, 7, 15, -6, 0, false, false",
            // remission: PHQ-9 < 5
            "DEPRESSION, 12, 15, 5, 15, -7, 0, true, false",
            "DEPRESSION, 12, 15, 4, 15, -8, 0, true, true",
            "DEPRESSION, 12, 15, 14, none, 2, none, false, false",
            // PTSD: response is PCL-5 at least 10 below the baseline, remission PCL-5 < 33; PHQ-9 does not count
            "PTSD, 12, 50, 12, 40, 0, -10, true, false",
            "PTSD, 12, 50, 12, 41, 0, -9, false, false",
            "PTSD, 12, 42, 12, 32, 0, -10, true, true",
            "PTSD, 12, 40, 12, 33, 0, -7, false, false",
            "PTSD, 20, 50, 4, 45, -16, -5, false, false",
            // no PCL-5 at the baseline: nothing to respond from
            "PTSD, 12, none, 12, 20, 0, none, false, true"})
    void aReScreeningCarriesItsProgressFromTheBaselineByClinicalD9(
            String indication, int baselinePhq9, Integer baselinePcl5, int phq9, Integer pcl5,
            int phq9Change, Integer pcl5Change, boolean response, boolean remission) {
        Reply baseline = screen(withTotals(Examples.SCREENING, baselinePhq9, baselinePcl5));
        Reply again = screen(withTotals(JsonEdit.of(Examples.SCREENING).set("/indication", "\"" + indication + "\"")
                .json(), phq9, pcl5));

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().path("baseline").asBoolean()).isFalse();
        assertThat(again.json().path("progress")).isEqualTo(IntakeHttp.parse("""
                { "baselineScreeningId": "%s", "phq9Change": %d, "pcl5Change": %s, "response": %s, "remission": %s }
                """.formatted(baseline.text("screeningId"), phq9Change, pcl5Change, response, remission)));
        assertThat(http.get(again.location()).json().path("progress")).isEqualTo(again.json().path("progress"));
    }

    @Test
    void s1AndS2EscalateOnAReScreeningAsOnAFirstScreening() {
        Reply baseline = screen(Examples.SCREENING);
        Reply item9 = screen(JsonEdit.of(Examples.SCREENING).set("/instruments/phq9/8", "1").json());
        Reply highRisk = screen(JsonEdit.of(Examples.SCREENING).set("/instruments/cssrs/intent", "true").json());

        assertThat(baseline.text("outcome")).isEqualTo("ELIGIBLE");
        assertThat(item9.text("outcome")).isEqualTo("CRISIS_ESCALATION");
        assertThat(item9.text("status")).isEqualTo("CRISIS_ESCALATION");
        assertThat(strings(item9.json().path("reasons"))).containsExactly("PHQ9_ITEM9_POSITIVE");
        assertThat(item9.json().path("baseline").asBoolean()).isFalse();
        assertThat(highRisk.text("outcome")).isEqualTo("CRISIS_ESCALATION");
        assertThat(strings(highRisk.json().path("reasons"))).containsExactly("CSSRS_HIGH_RISK");
        assertThat(highRisk.json().path("progress").path("baselineScreeningId").asString())
                .isEqualTo(baseline.text("screeningId"));
    }

    @Test
    void theHistoryTracksEveryInstrumentGivenWithItsChangeFromTheBaseline() {
        // the baseline has no PCL-5, AUDIT-C or DAST-10; the re-screenings add a PCL-5 and then leave it out again
        Reply baseline = screen(JsonEdit.of(Examples.SCREENING).set("/instruments/pcl5", "null")
                .remove("/instruments/auditC").remove("/instruments/dast10").json());
        Reply second = screen(withTotals(JsonEdit.of(Examples.SCREENING).remove("/instruments/auditC")
                .remove("/instruments/dast10").json(), 6, 20));
        Reply third = screen(withTotals(JsonEdit.of(Examples.SCREENING).set("/instruments/pcl5", "null")
                .remove("/instruments/auditC").remove("/instruments/dast10").json(), 3, null));

        Reply history = http.get("/api/patients/" + patientId + "/screenings");

        assertThat(history.status()).isEqualTo(200);
        JsonNode body = history.json();
        assertThat(body.path("patientId").asString()).isEqualTo(patientId);
        assertThat(body.path("baselineScreeningId").asString()).isEqualTo(baseline.text("screeningId"));
        assertThat(body.path("screenings")).extracting(s -> s.path("screeningId").asString()).containsExactly(
                baseline.text("screeningId"), second.text("screeningId"), third.text("screeningId"));
        assertThat(body.path("screenings").get(0).path("progress").isNull()).isTrue();
        // S-13: a PHQ-9 below 10 on a re-screening for DEPRESSION goes to review, as on a first screening
        assertThat(body.path("screenings").get(2).path("status").asString()).isEqualTo("NEEDS_CLINICIAN_REVIEW");
        assertThat(body.path("screenings").get(2).path("progress").path("remission").asBoolean()).isTrue();
        assertThat(body.path("instruments").propertyNames()).containsExactly("phq9", "gad7", "pcl5", "cssrs");
        assertThat(body.path("instruments").path("phq9")).isEqualTo(IntakeHttp.parse("""
                [ { "screeningId": "%s", "screenedOn": "%s", "total": 12, "severity": "MODERATE", "change": 0 },
                  { "screeningId": "%s", "screenedOn": "%s", "total": 6, "severity": "MILD", "change": -6 },
                  { "screeningId": "%s", "screenedOn": "%s", "total": 3, "severity": "NONE_MINIMAL",
                    "change": -9 } ]
                """.formatted(baseline.text("screeningId"), Examples.TODAY, second.text("screeningId"), Examples.TODAY,
                third.text("screeningId"), Examples.TODAY)));
        // given once, after a baseline without it: no change to report
        assertThat(body.path("instruments").path("pcl5")).isEqualTo(IntakeHttp.parse("""
                [ { "screeningId": "%s", "screenedOn": "%s", "total": 20, "severity": "BELOW_CUTOFF",
                    "change": null } ]
                """.formatted(second.text("screeningId"), Examples.TODAY)));
        assertThat(body.path("instruments").path("cssrs").get(0)).isEqualTo(IntakeHttp.parse("""
                { "screeningId": "%s", "screenedOn": "%s", "total": null, "severity": "NONE", "change": null }
                """.formatted(baseline.text("screeningId"), Examples.TODAY)));
    }

    static Stream<Arguments> invalidScreenings() {
        return Stream.of(
                arguments("PHQ-9 item 9 out of range", edit().set("/instruments/phq9/8", "4"),
                        List.of("instruments.phq9[8]")),
                arguments("PHQ-9 item negative", edit().set("/instruments/phq9/0", "-1"),
                        List.of("instruments.phq9[0]")),
                arguments("PHQ-9 with 8 items", edit().remove("/instruments/phq9/8"), List.of("instruments.phq9")),
                arguments("PHQ-9 with 10 items", edit().set("/instruments/phq9/9", "0"), List.of("instruments.phq9")),
                arguments("PHQ-9 missing", edit().remove("/instruments/phq9"), List.of("instruments.phq9")),
                arguments("PHQ-9 null", edit().set("/instruments/phq9", "null"), List.of("instruments.phq9")),
                arguments("PHQ-9 not a list", edit().set("/instruments/phq9", "12"), List.of("instruments.phq9")),
                arguments("PHQ-9 wrong item types", edit().set("/instruments/phq9/1", "2.5")
                                .set("/instruments/phq9/2", "true").set("/instruments/phq9/3", "\"2\"")
                                .set("/instruments/phq9/4", "null"),
                        List.of("instruments.phq9[1]", "instruments.phq9[2]", "instruments.phq9[3]",
                                "instruments.phq9[4]")),
                arguments("GAD-7 missing", edit().remove("/instruments/gad7"), List.of("instruments.gad7")),
                arguments("GAD-7 item out of range", edit().set("/instruments/gad7/6", "4"),
                        List.of("instruments.gad7[6]")),
                arguments("PCL-5 item of 5 for another indication", edit().set("/instruments/pcl5/0", "5"),
                        List.of("instruments.pcl5[0]")),
                arguments("PCL-5 with 19 items", edit().remove("/instruments/pcl5/19"), List.of("instruments.pcl5")),
                arguments("PCL-5 missing for PTSD", edit().set("/indication", "\"PTSD\"").remove("/instruments/pcl5"),
                        List.of("instruments.pcl5")),
                arguments("PCL-5 null for PTSD", edit().set("/indication", "\"PTSD\"").set("/instruments/pcl5", "null"),
                        List.of("instruments.pcl5")),
                arguments("AUDIT-C and DAST-10 missing for substance use",
                        edit().set("/indication", "\"SUBSTANCE_USE_WITH_MOOD\"").remove("/instruments/auditC")
                                .set("/instruments/dast10", "null"),
                        List.of("instruments.auditC", "instruments.dast10")),
                arguments("AUDIT-C item of 5", edit().set("/instruments/auditC/2", "5"),
                        List.of("instruments.auditC[2]")),
                arguments("DAST-10 answer not a boolean", edit().set("/instruments/dast10/0", "\"no\"")
                                .set("/instruments/dast10/1", "0"),
                        List.of("instruments.dast10[0]", "instruments.dast10[1]")),
                arguments("DAST-10 with 9 answers", edit().remove("/instruments/dast10/0"),
                        List.of("instruments.dast10")),
                arguments("C-SSRS missing", edit().remove("/instruments/cssrs"), List.of("instruments.cssrs")),
                arguments("C-SSRS answer missing", edit().remove("/instruments/cssrs/intent"),
                        List.of("instruments.cssrs.intent")),
                arguments("C-SSRS answers not booleans", edit().set("/instruments/cssrs/intent", "\"yes\"")
                                .set("/instruments/cssrs/behaviorPast3Months", "null"),
                        List.of("instruments.cssrs.intent", "instruments.cssrs.behaviorPast3Months")),
                arguments("instruments missing", edit().remove("/instruments"), List.of("instruments")),
                arguments("history missing", edit().remove("/history"), List.of("history")),
                arguments("history empty", edit().set("/history", "{}"),
                        List.of("history.failedAntidepressantTrials", "history.onMoodStabilizer",
                                "history.conditions", "history.medications")),
                arguments("trial count negative", edit().set("/history/failedAntidepressantTrials", "-1"),
                        List.of("history.failedAntidepressantTrials")),
                arguments("trial count not an integer", edit().set("/history/failedAntidepressantTrials", "1.5"),
                        List.of("history.failedAntidepressantTrials")),
                arguments("trial count a string", edit().set("/history/failedAntidepressantTrials", "\"2\""),
                        List.of("history.failedAntidepressantTrials")),
                arguments("mood stabilizer not a boolean", edit().set("/history/onMoodStabilizer", "\"no\""),
                        List.of("history.onMoodStabilizer")),
                arguments("unknown condition code", edit().set("/history/conditions", "[\"HEADACHE\", \"PREGNANT\"]"),
                        List.of("history.conditions[0]")),
                arguments("unknown medication code", edit().set("/history/medications", "[\"MAOI\", 7]"),
                        List.of("history.medications[1]")),
                arguments("conditions not a list", edit().set("/history/conditions", "\"PREGNANT\""),
                        List.of("history.conditions")),
                arguments("vitals missing", edit().remove("/vitals"), List.of("vitals")),
                arguments("weight missing", edit().remove("/vitals/weightKg"), List.of("vitals.weightKg")),
                arguments("vitals zero, negative, text", edit().set("/vitals/weightKg", "0")
                                .set("/vitals/heartRate", "-74").set("/vitals/systolic", "\"128\""),
                        List.of("vitals.weightKg", "vitals.heartRate", "vitals.systolic")),
                arguments("indication unknown", edit().set("/indication", "\"ANXIETY\""), List.of("indication")),
                arguments("indication missing", edit().remove("/indication"), List.of("indication")),
                arguments("screenedOn not a date", edit().set("/screenedOn", "\"20/11/2026\""), List.of("screenedOn")),
                arguments("screenedOn impossible", edit().set("/screenedOn", "\"2026-02-30\""), List.of("screenedOn")),
                arguments("screenedOn before birth",
                        edit().set("/screenedOn", "\"" + TestClock.isoDate("1984-03-08") + "\""),
                        List.of("screenedOn")),
                arguments("screenedOn tomorrow in the clinic",
                        edit().set("/screenedOn", "\"" + TestClock.isoDate("2026-11-21") + "\""),
                        List.of("screenedOn")),
                arguments("everything at once", edit().set("/indication", "\"PTSD\"").remove("/instruments/pcl5")
                                .set("/instruments/phq9/8", "7").remove("/instruments/cssrs/wishToBeDead")
                                .set("/history/conditions/0", "\"NOPE\"").set("/vitals/weightKg", "0"),
                        List.of("instruments.pcl5", "instruments.phq9[8]", "instruments.cssrs.wishToBeDead",
                                "history.conditions[0]", "vitals.weightKg")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidScreenings")
    void everyInvalidFieldIsNamedAndNothingIsWritten(String description, JsonEdit body, List<String> fields) {
        long screenings = count("screening");
        long events = events();

        Reply reply = screen(body.json());

        assertProblem(reply, 422);
        assertThat(reply.errorFields()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(reply.json().path("errors")).allSatisfy(error ->
                assertThat(error.path("message").asString()).isNotBlank());
        assertThat(count("screening")).isEqualTo(screenings);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void nullOptionalInstrumentsAreNotGiven() {
        Reply created = screen(JsonEdit.of(Examples.SCREENING).set("/instruments/pcl5", "null")
                .set("/instruments/auditC", "null").set("/instruments/dast10", "null").json());

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void unknownExtraMembersAreIgnored() {
        Reply created = screen(JsonEdit.of(Examples.SCREENING).set("/clinicianNote", "\"seen in clinic\"")
                .set("/instruments/madrs", "[1, 2]").set("/vitals/spo2", "98").json());

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void anUnknownPatientIsNotFoundBeforeTheBodyIsLookedAt() {
        for (String body : new String[] {Examples.SCREENING, "{}", "not json"}) {
            Reply reply = http.post("/api/patients/" + UUID.randomUUID() + "/screenings", body);
            assertProblem(reply, 404);
        }
    }

    @Test
    void aMalformedPatientIdIsABadRequestNamingPatientIdBeforeTheBodyIsLookedAt() {
        Reply reply = http.post("/api/patients/12345/screenings", "{}");

        assertProblem(reply, 400);
        assertThat(reply.errorFields()).containsExactly("patientId");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsABadRequest() {
        long screenings = count("screening");
        for (String body : new String[] {"indication=DEPRESSION", "{\"indication\": ", "[]", "\"DEPRESSION\"", ""}) {
            assertProblem(screen(body), 400);
        }
        assertProblem(http.post("/api/patients/" + patientId + "/screenings", MediaType.TEXT_PLAIN, "hello"), 400);
        assertThat(count("screening")).isEqualTo(screenings);
    }

    @Test
    void unknownScreeningsAndPatientsAreNotFound() {
        assertProblem(http.get("/api/screenings/" + UUID.randomUUID()), 404);
        assertProblem(http.get("/api/patients/" + UUID.randomUUID() + "/screenings"), 404);
    }

    @Test
    void malformedScreeningAndPatientIdsAreBadRequestsNamingTheId() {
        Reply screening = http.get("/api/screenings/not-an-id");
        Reply patient = http.get("/api/patients/not-an-id/screenings");

        assertProblem(screening, 400);
        assertThat(screening.errorFields()).containsExactly("screeningId");
        assertProblem(patient, 400);
        assertThat(patient.errorFields()).containsExactly("patientId");
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswerTheFirstScreeningAgainAndPublishOnce() {
        String key = "screening-" + UUID.randomUUID();
        long screenings = count("screening");
        long events = events();

        Reply first = http.post("/api/patients/" + patientId + "/screenings", Examples.SCREENING,
                "Idempotency-Key", key);
        Reply again = http.post("/api/patients/" + patientId + "/screenings", Examples.SCREENING,
                "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(count("screening")).isEqualTo(screenings + 1);
        assertThat(events()).isEqualTo(events + 1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyOrPatientIsRejected() {
        String key = "screening-" + UUID.randomUUID();
        http.post("/api/patients/" + patientId + "/screenings", Examples.SCREENING, "Idempotency-Key", key);
        String otherPatient = register(Examples.PATIENT);
        long screenings = count("screening");

        Reply otherBody = http.post("/api/patients/" + patientId + "/screenings",
                JsonEdit.of(Examples.SCREENING).set("/history/failedAntidepressantTrials", "1").json(),
                "Idempotency-Key", key);
        Reply otherTarget = http.post("/api/patients/" + otherPatient + "/screenings", Examples.SCREENING,
                "Idempotency-Key", key);

        for (Reply reply : List.of(otherBody, otherTarget)) {
            assertProblem(reply, 422);
            assertThat(reply.errorFields()).containsExactly("Idempotency-Key");
        }
        assertThat(count("screening")).isEqualTo(screenings);
    }

    /**
     * The screening with a PHQ-9 of the given total (item 9 kept at 0, so S-1 stays silent) and a PCL-5 of the given
     * total, or none when null.
     */
    private static String withTotals(String screening, int phq9Total, Integer pcl5Total) {
        JsonEdit edit = JsonEdit.of(screening).set("/instruments/phq9", items(phq9Total, 8, 3) + ",0]");
        String pcl5 = pcl5Total == null ? "null" : items(pcl5Total, 20, 4) + "]";
        return edit.set("/instruments/pcl5", pcl5).json();
    }

    /** The opening of a JSON array of {@code count} items of 0 to {@code max} adding up to {@code total}. */
    private static String items(int total, int count, int max) {
        StringBuilder items = new StringBuilder("[");
        int left = total;
        for (int i = 0; i < count; i++) {
            int item = Math.min(max, left);
            left -= item;
            items.append(i == 0 ? "" : ",").append(item);
        }
        assertThat(left).as("a total of %d in %d items of 0-%d", total, count, max).isZero();
        return items.toString();
    }

    /**
     * The latest year, up to {@code today}'s, whose 1 March is not after {@code today} and in which a child born on a
     * 29 February turns 18: the S-5 leap-day example in the past of the test clock, wherever that stands.
     */
    private static int latestEighteenthBirthdayOfALeapDayChild(LocalDate today) {
        int year = today.getYear();
        while (!Year.isLeap(year - 18) || LocalDate.of(year, 3, 1).isAfter(today)) {
            year--;
        }
        return year;
    }

    private static JsonEdit edit() {
        return JsonEdit.of(Examples.SCREENING);
    }

    private String register(String patient) {
        Reply reply = http.post("/api/patients", patient);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("patientId");
    }

    private Reply screen(String body) {
        return http.post("/api/patients/" + patientId + "/screenings", body);
    }

    /** The events in the outbox, without the audit records every request writes to it as well. */
    private long events() {
        return jdbc.sql("select count(*) from outbox_event where topic <> 'clinic.audit'").query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(reply.toString())
                .isTrue();
    }
}
