package org.clinicops.notification.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.clinicops.notification.notification.StaffRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * notification-service settings ({@code notification.*}). The sender and staff addresses are checked at startup:
 * a crisis page must never wait on an address that can never work.
 *
 * @param intakeUri        base URI of intake-service, whose internal API gives a patient's contact details
 * @param clinicZone       the clinic's time zone: messages give session times in it; {@code clinic.zone} sets it
 * @param clinicName       how messages name the clinic
 * @param from             the sender of every e-mail, e.g. {@code Clinic <no-reply@clinic.local>}
 * @param crisisLine       the crisis line every patient message points to (CLINICAL section 5: 988 in the US)
 * @param dispatchInterval how often the dispatcher looks for due notifications besides the moment one is stored
 * @param dispatchConcurrency how many notifications of one lane (staff pages, patient messages) are delivered at once;
 *                         each holds a database connection while it is delivered
 * @param templates        where the message templates are read from
 * @param prescriber       where D-6 safety-alert pages go
 * @param backup           the backup clinician, paged when an alert is not acknowledged in time
 * @param dayAfterCheckIn  when the day-after check-in is sent
 * @param sms              the SMS provider patients are texted through, and the quiet hours of texts
 * @param reminders        how long before a session its reminders are due
 */
@ConfigurationProperties("notification")
public record NotificationProperties(
        @DefaultValue("http://localhost:8081") URI intakeUri,
        @DefaultValue("America/Los_Angeles") ZoneId clinicZone,
        @DefaultValue("Clinic") String clinicName,
        @DefaultValue("Clinic <no-reply@clinic.local>") String from,
        @DefaultValue OnCall onCall,
        @DefaultValue("988 Suicide & Crisis Lifeline: call or text 988") String crisisLine,
        @DefaultValue("500ms") Duration dispatchInterval,
        @DefaultValue("8") int dispatchConcurrency,
        @DefaultValue Retry retry,
        @DefaultValue Calls calls,
        @DefaultValue Templates templates,
        @DefaultValue Prescriber prescriber,
        @DefaultValue Backup backup,
        @DefaultValue DayAfterCheckIn dayAfterCheckIn,
        @DefaultValue Sms sms,
        @DefaultValue Reminders reminders) {

    public NotificationProperties {
        address("notification.from", from);
        address("notification.on-call.email", onCall.email());
        address("notification.prescriber.email", prescriber.email());
        address("notification.backup.email", backup.email());
        if (dispatchInterval.isNegative() || dispatchInterval.isZero()) {
            throw new IllegalArgumentException("notification.dispatch-interval must be positive");
        }
        if (dispatchConcurrency < 1) {
            throw new IllegalArgumentException("notification.dispatch-concurrency must be at least 1");
        }
    }

    /** The sender as an address with its display name. */
    public InternetAddress fromAddress() {
        return address("notification.from", from);
    }

    /** The configured address of a staff role, read at the moment a staff message is sent. */
    public String staffAddress(StaffRole role) {
        return switch (role) {
            case ON_CALL -> onCall.email();
            case PRESCRIBER -> prescriber.email();
            case BACKUP -> backup.email();
        };
    }

    /** @param email where crisis pages go: the on-call clinician's address (or a list's) */
    public record OnCall(@DefaultValue("oncall@clinic.local") String email) {
    }

    /**
     * @param email where D-6 safety-alert pages go: the prescriber on duty for the session day (or a list's). The
     *              event names the prescriber by staff id only; this service knows no staff directory.
     */
    public record Prescriber(@DefaultValue("prescriber@clinic.local") String email) {
    }

    /**
     * @param email where an unacknowledged crisis is paged 10 minutes after the on-call clinician, and with them
     *              every 5 minutes after that: the backup clinician on duty (or a list's)
     */
    public record Backup(@DefaultValue("backup@clinic.local") String email) {
    }

    /** @param at the clinic-local time, on the day after a discharge, the check-in message is sent */
    public record DayAfterCheckIn(@DefaultValue("10:00") LocalTime at) {
    }

    /**
     * The SMS provider's HTTP API ({@code POST {base-url}/messages} with {@code {"to", "body"}}, see {@code
     * SmsProvider}), and when patients are not texted.
     *
     * @param baseUrl        where the provider's API is; by default the local SMS catcher of clinic-local
     * @param apiToken       sent as {@code Authorization: Bearer <token>}; blank sends none (the local catcher)
     * @param connectTimeout HTTP connect timeout to the provider
     * @param timeout        HTTP read timeout: how long one try waits for the provider's answer
     * @param perSecond      at most this many texts a second go to the provider (its rate limit)
     * @param rateLimitWait  how long a text waits for its turn under that limit before it is tried again later
     * @param quietHours     no patient text from {@code start} to {@code end}, clinic time (CLINICAL section 8)
     */
    public record Sms(
            @DefaultValue("http://127.0.0.1:3026") URI baseUrl,
            @DefaultValue("") String apiToken,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("3s") Duration timeout,
            @DefaultValue("5") int perSecond,
            @DefaultValue("2s") Duration rateLimitWait,
            @DefaultValue QuietHours quietHours) {

        public Sms {
            if (perSecond < 1) {
                throw new IllegalArgumentException("notification.sms.per-second must be at least 1");
            }
        }
    }

    /**
     * From {@code start} to {@code end} (clinic time, across midnight when end is earlier) a patient text waits,
     * HELD, until {@code end}; the crisis-line message and staff pages do not (CLINICAL sections 5 and 8).
     *
     * @param start clinic time from which patient texts are held
     * @param end   clinic time at which held texts are sent
     */
    public record QuietHours(@DefaultValue("21:00") LocalTime start, @DefaultValue("08:00") LocalTime end) {

        public QuietHours {
            if (start.equals(end)) {
                throw new IllegalArgumentException("notification.sms.quiet-hours start and end must differ");
            }
        }
    }

    /**
     * @param hoursBefore how many hours before a session's start each of its reminders is due (CLINICAL section 8:
     *                    48 and 24); each is sent only until the next one is due, the last until the session starts
     */
    public record Reminders(@DefaultValue({"48", "24"}) List<Integer> hoursBefore) {

        public Reminders {
            if (hoursBefore.isEmpty() || hoursBefore.stream().anyMatch(h -> h < 1)
                    || hoursBefore.stream().distinct().count() != hoursBefore.size()) {
                throw new IllegalArgumentException(
                        "notification.reminders.hours-before must be distinct whole hours of at least 1");
            }
            hoursBefore = hoursBefore.stream().sorted(Comparator.reverseOrder()).toList();
        }
    }

    /**
     * @param location a Spring resource location ({@code classpath:/notification-templates/},
     *                 {@code file:/etc/clinic-ops/templates/}) holding {@code email/<kind>.mustache} for every kind,
     *                 {@code sms/<kind>.mustache} for every patient kind and the {@code partials/}: a clinic copies the built-in folder and changes the wording there, no
     *                 rebuild needed. Every template is compiled at startup, so a missing or broken one stops the start.
     */
    public record Templates(@DefaultValue("classpath:/notification-templates/") String location) {

        public Templates {
            location = location.endsWith("/") ? location : location + "/";
        }
    }

    /**
     * How long a notification that could not be sent waits before its next attempt: {@code initialBackoff}, doubled
     * after each failed attempt, capped. It is never given up on while intake-service or the mail server is down.
     *
     * @param initialBackoff   the wait after the first failed attempt, doubled after each further one
     * @param maxBackoff       the cap of that wait
     * @param crisisMaxBackoff the cap for crisis pages and crisis-line messages, lower so they go out soon after a
     *                         failed server is back
     */
    public record Retry(
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("60s") Duration maxBackoff,
            @DefaultValue("10s") Duration crisisMaxBackoff) {

        public Retry {
            if (initialBackoff.isNegative() || initialBackoff.isZero()) {
                throw new IllegalArgumentException("notification.retry.initial-backoff must be positive");
            }
            if (maxBackoff.compareTo(initialBackoff) < 0 || crisisMaxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "notification.retry.max-backoff and crisis-max-backoff must not be below initial-backoff");
            }
        }
    }

    /**
     * One call to intake-service or the mail server (Resilience4j): a few quick attempts with exponential backoff
     * inside one delivery attempt, and a circuit breaker that fails fast while the other side is down.
     *
     * @param connectTimeout   HTTP connect timeout to intake-service
     * @param readTimeout      HTTP read timeout to intake-service
     * @param attempts         tries per call, the first included
     * @param attemptBackoff   wait before the second try, doubled before each later one
     * @param openCircuitFor   how long an open circuit refuses calls before letting a few through to test the way
     */
    public record Calls(
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("3s") Duration readTimeout,
            @DefaultValue("3") int attempts,
            @DefaultValue("200ms") Duration attemptBackoff,
            @DefaultValue("10s") Duration openCircuitFor) {

        public Calls {
            if (attempts < 1) {
                throw new IllegalArgumentException("notification.calls.attempts must be at least 1");
            }
        }
    }

    private static InternetAddress address(String property, String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(property + " is not a valid e-mail address: '" + value + "'", e);
        }
    }
}
