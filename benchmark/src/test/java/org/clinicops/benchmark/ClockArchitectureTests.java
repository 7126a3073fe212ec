package org.clinicops.benchmark;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.clinicops.support.testing.ClockRules;

/** The benchmark stamps and dates with the clinic's own Clock, the one the services stamp their rows with. */
@AnalyzeClasses(packages = "org.clinicops.benchmark")
class ClockArchitectureTests {

    @ArchTest
    static final ArchTests clock = ArchTests.in(ClockRules.class);
}
