package org.clinicops.audit;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.clinicops.support.testing.ClockRules;

/** audit-service reads time only from its one Clock, and its tests only from the shared TestClock. */
@AnalyzeClasses(packages = "org.clinicops.audit")
class ClockArchitectureTests {

    @ArchTest
    static final ArchTests clock = ArchTests.in(ClockRules.class);
}
