package org.clinicops.support;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.SharedServiceTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The module's one {@link SharedServiceTest} configuration, declared once so that no shared class can drift from it:
 * the support test application with MockMvc, its outbox relaying every 50 ms, on a broker whose screenings and audit
 * topics have three partitions. The topics keep the earlier classes' records: a class reads its own by fresh keys.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.AUDIT}, partitions = 3)
@AutoConfigureMockMvc
public @interface SharedSupportServiceTest {
}
