package org.clinicops.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.clinicops.events.Protocol;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the stream tests share: the module's one shared running service ({@link SharedNotificationServiceTest}) on its
 * database and embedded Kafka broker with the shared {@link TestClock} at {@link #NOW}, and the real SMTP server
 * (GreenMail) and the real intake-service of {@link SharedInfrastructure}, both on loopback ports fixed for the test
 * JVM so a test can stop them and start them again where they were. A test class finds the tables empty and the mail
 * server's inbox too; intake-service keeps earlier classes' patients, and every test registers its own.
 *
 * <p>The clock stands still unless a test moves it: every test starts at {@link #NOW}, so which session reminders of
 * {@link #planBooked} are due is a fact of the test, not of the day it runs. A notification that failed waits for a
 * next attempt on that clock; the outage tests move it on with {@link #awaitRetrying}.
 */
@SharedNotificationServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StreamTestSupport {

    public static final String SESSIONS_DEAD_LETTERS = "error.clinic.sessions.notification-service";
    public static final String SCREENINGS_DEAD_LETTERS = "error.clinic.screenings.notification-service";
    public static final String ON_CALL = "oncall@clinic.local";
    /** Long enough for a broker rebalance and a few dispatcher rounds, short enough to fail fast. */
    protected static final Duration PATIENCE = TopicReader.PATIENCE;

    /**
     * Wednesday 25 November 2026, 9:00 in Los Angeles: the day {@link #planBooked} is booked on, and where
     * {@link SharedNotificationServiceTest} sets the clock before each class.
     */
    static final String REFERENCE_TIME = "2026-11-25T17:00:00Z";
    /** notification.clinic-zone's default, the zone messages write times in. */
    protected static final ZoneId CLINIC_ZONE = ZoneId.of("America/Los_Angeles");
    /** {@link #REFERENCE_TIME} on the suite's clock (a year ahead with {@code -Dclinic.test.clock.base}). */
    protected static final Instant NOW = TestClock.at(REFERENCE_TIME);
    /**
     * How far {@link #awaitRetrying} moves the clock at each look: the test profile's longest retry backoff, so a
     * notification waiting for its next attempt is due again at the next dispatcher round.
     */
    private static final Duration RETRY_STEP = Duration.ofSeconds(1);
    private static final DateTimeFormatter SPELLED_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SPELLED_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.US);

    @Autowired
    protected MockMvcTester mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected GreenMail mail;
    @Autowired
    protected RunningIntake intake;

    protected CloudEventProducer events;
    protected TopicReader topics;

    /**
     * intake-service started on the class's clock if this is the first stream class (a no-op otherwise), both it and
     * the mail server running whatever an outage class before left, and no earlier class's mail in the inbox.
     */
    @BeforeAll
    void infrastructureRunningAndProducer() throws FolderException {
        intake.start();
        if (!mail.isRunning()) {
            mail.start();
        }
        mail.purgeEmailFromAllMailboxes();
        events = new CloudEventProducer(broker.getBrokersAsString());
        topics = new TopicReader(broker.getBrokersAsString());
    }

    @AfterAll
    void closeProducer() {
        events.close();
    }

    /** Every test starts on the reference day, whatever an earlier test of the class set the clock to. */
    @BeforeEach
    void clockAtTheReferenceTime() {
        clock.set(NOW);
    }

    /** A fresh address, so each test reads only its own mail. */
    protected static String newAddress(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /**
     * The induction series of CLINICAL section 6's example, booked at {@link #NOW}: Thursday 26 November 2026
     * 09:00-10:55 in Los Angeles, then 08:00-09:55 on 30 November and 2, 4, 7 and 9 December. On the clock at
     * {@link #NOW} none of its session reminders is due yet (the first, 48 hours before 30 November, is due on
     * 28 November); the 24-hour reminder of the first session had passed at booking and is never stored.
     */
    protected static TreatmentPlanBooked planBooked(UUID patientId) {
        List<String> starts = List.of("2026-11-26T17:00:00Z", "2026-11-30T16:00:00Z", "2026-12-02T16:00:00Z",
                "2026-12-04T16:00:00Z", "2026-12-07T16:00:00Z", "2026-12-09T16:00:00Z");
        List<TreatmentPlanBooked.BookedSession> sessions = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = TestClock.at(starts.get(i));
            sessions.add(new TreatmentPlanBooked.BookedSession(UUID.randomUUID(), i + 1, start,
                    start.plus(Duration.ofMinutes(115)), 1));
        }
        return new TreatmentPlanBooked(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:02Z"), patientId,
                UUID.randomUUID(), UUID.randomUUID(), Protocol.IV_KETAMINE_DEPRESSION, sessions);
    }

    protected void send(TreatmentPlanBooked event) {
        events.send(event, event.planId());
    }

    protected static ScreeningCompleted screeningCompleted(UUID patientId, ScreeningOutcome outcome) {
        List<String> reasons = outcome == ScreeningOutcome.CRISIS_ESCALATION
                ? List.of("PHQ9_ITEM9_POSITIVE", "CSSRS_HIGH_RISK") : List.of();
        return new ScreeningCompleted(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:00Z"), patientId,
                UUID.randomUUID(), "DEPRESSION", outcome, reasons, true);
    }

    protected void send(ScreeningCompleted event) {
        events.send(event, event.screeningId());
    }

    /** A date of the reference week as the messages spell it: "November 26, 2026" (moved with the suite's clock). */
    protected static String spelledDate(String isoDate) {
        return TestClock.date(isoDate).format(SPELLED_DATE);
    }

    /** A date of the reference week as a reminder's subject spells it: "November 30" (moved likewise). */
    protected static String spelledDay(String isoDate) {
        return TestClock.date(isoDate).format(SPELLED_DAY);
    }

    /** The patient's notifications through the REST API, newest first (a test's patient has fewer than a page). */
    protected JsonNode notificationsOf(UUID patientId) {
        MvcTestResult result = mvc.get().uri("/api/patients/{patientId}/notifications", patientId).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    protected Optional<JsonNode> notificationOf(UUID patientId, String kind) {
        return notificationsOf(patientId).valueStream().filter(n -> n.get("kind").asString().equals(kind))
                .findFirst();
    }

    /** Waits until the patient's notification of this kind has this status, and answers it. */
    protected JsonNode awaitNotification(UUID patientId, String kind, String status) {
        return await().atMost(PATIENCE).until(() -> notificationOf(patientId, kind),
                n -> n.isPresent() && n.get().get("status").asString().equals(status)).orElseThrow();
    }

    /**
     * Waits until {@code done}, moving the clock on by the longest retry backoff before every look, so a notification
     * that failed gets its next attempt at the next dispatcher round: the clock never moves by itself. For tests that
     * wait through retries (an outage); the clock moves a few minutes at most, far from any reminder's due time.
     */
    protected <T> T awaitRetrying(Callable<T> supplier, Predicate<? super T> done) {
        return await().atMost(PATIENCE).until(() -> {
            clock.advance(RETRY_STEP);
            return supplier.call();
        }, done::test);
    }

    /** {@link #awaitNotification} through retries: see {@link #awaitRetrying}. */
    protected JsonNode awaitNotificationRetrying(UUID patientId, String kind, String status) {
        return awaitRetrying(() -> notificationOf(patientId, kind),
                n -> n.isPresent() && n.get().get("status").asString().equals(status)).orElseThrow();
    }

    /**
     * The patient's session reminders as stored, each as "dedupe key (session id/lead time) due status", sorted: a
     * moved or called-off session's reminders stay, SUPPRESSED.
     */
    protected List<String> remindersOf(UUID patientId) {
        return jdbc.sql("""
                        select dedupe_key, next_attempt_at, status from notification
                        where patient_id = :patient and kind = 'SESSION_REMINDER'
                        order by dedupe_key, next_attempt_at, status
                        """)
                .param("patient", patientId)
                .query((rs, row) -> rs.getString("dedupe_key") + " "
                        + rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant() + " "
                        + rs.getString("status"))
                .list();
    }

    /** How {@link #remindersOf} shows a reminder of this session due at this instant of the reference week. */
    protected static String reminder(UUID sessionId, int hoursBefore, String due, String status) {
        return sessionId + "/" + hoursBefore + "h " + TestClock.isoInstant(due) + " " + status;
    }

    /** Every message received for this address so far. */
    protected List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isFor(m, address)).toList();
    }

    /**
     * The booking confirmations received for this address, without any session reminder a test has made due by
     * moving the clock.
     */
    protected List<MimeMessage> confirmationsTo(String address) {
        return mailTo(address).stream().filter(m -> subject(m).equals("Your appointments are confirmed")).toList();
    }

    /** The plain-text body with the line ends it was written with (SMTP carries CRLF). */
    protected static String body(MimeMessage message) {
        try {
            return message.getContent().toString().replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }
}
