package org.clinicops.session.access;

import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.support.testing.AuditRecords;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The day board is a read of every patient on it: its audit record names each of them, and no one else. */
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS})
@AutoConfigureMockMvc
class DayBoardAuditTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TreatmentPlanBooking booking;
    @Autowired
    TestClock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    JsonMapper json;

    @Test
    void theDayBoardsRecordNamesEveryPatientOnTheBoard() {
        // outcomes on Wednesday 09:00: the first sessions of their series are on Thursday
        clock.set(TestClock.at("2026-11-25T17:00:00Z"));
        UUID dana = bookASeries();
        UUID sam = bookASeries();

        MvcTestResult board = mvc.get().uri("/api/sessions?date={date}", TestClock.isoDate("2026-11-26"))
                .header("X-Correlation-Id", "day-board-1").exchange();

        assertThat(board).hasStatusOk();
        List<String> onTheBoard = json.readTree(board.getResponse().getContentAsByteArray()).findValues("patientId")
                .stream().map(JsonNode::asString).distinct().toList();
        assertThat(onTheBoard).contains(dana.toString(), sam.toString());
        List<JsonNode> records = AuditRecords.in(dataSource).byCorrelationId("day-board-1");
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().get("route").asString()).isEqualTo("/api/sessions");
        assertThat(records.getFirst().get("patientIds").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrderElementsOf(onTheBoard);
    }

    private UUID bookASeries() {
        UUID patient = UUID.randomUUID();
        booking.on(new ScreeningCompleted(UUID.randomUUID(), clock.instant(), patient, UUID.randomUUID(), "DEPRESSION",
                ScreeningOutcome.ELIGIBLE, List.of(), true));
        return patient;
    }
}
