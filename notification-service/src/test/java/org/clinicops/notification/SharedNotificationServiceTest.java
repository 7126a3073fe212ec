package org.clinicops.notification;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.SharedServiceTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The module's one {@link SharedServiceTest} configuration, declared once so that no shared class can drift from it
 * (a second shared configuration in one test JVM fails by design): notification-service with MockMvc, the test
 * profile, the clock at Wednesday 25 November 2026 9:00 in Los Angeles before each class, and the mail server, SMS
 * provider and intake-service of {@link SharedInfrastructure}.
 *
 * <p>Every topic it creates has one partition, so a test may send a marker event after the ones it asserts on and
 * know, once the marker is handled, that the events before it on the topic were handled too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SharedServiceTest(topics = {Topics.SESSIONS, Topics.SCREENINGS, StreamTestSupport.SESSIONS_DEAD_LETTERS,
        StreamTestSupport.SCREENINGS_DEAD_LETTERS}, partitions = 1,
        properties = "clinic.messaging.partitions=1", now = StreamTestSupport.REFERENCE_TIME)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(SharedInfrastructure.class)
public @interface SharedNotificationServiceTest {
}
