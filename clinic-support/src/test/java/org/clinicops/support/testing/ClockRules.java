package org.clinicops.support.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.clinicops.support.time.ClinicClock;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Time comes from one injectable {@code Clock} per service, and in tests from the shared {@link TestClock}: no code,
 * main or test, reads the machine's clock or makes a clock of its own, except the one clock configuration
 * ({@code org.clinicops.support.time}) and this test support. Each module runs these rules over its classes with
 * {@code @AnalyzeClasses(packages = "org.clinicops.<module>") class ClockArchitectureTests}.
 */
public final class ClockRules {

    private static final String CLOCK_CONFIGURATION = "org.clinicops.support.time..";
    private static final String TEST_SUPPORT = "org.clinicops.support.testing..";

    @ArchTest
    public static final ArchRule nothingReadsTheSystemClockOutsideTheOneClockConfiguration = noClasses()
            .that().resideOutsideOfPackages(CLOCK_CONFIGURATION, TEST_SUPPORT)
            .should().callCodeUnitWhere(readsTheSystemClock())
            .because("a service reads time only from its injected Clock, and a test from the shared TestClock, "
                    + "so behaviour never depends on the day the code runs");

    @ArchTest
    public static final ArchRule onlyTheClockConfigurationDeclaresAClockBean = noMethods()
            .that().areAnnotatedWith(Bean.class)
            .and().haveRawReturnType(assignableToClock())
            .should().beDeclaredInClassesThat().resideOutsideOfPackages("org.clinicops.support")
            .because("every Spring context, a test's too, has exactly one Clock: the service's, or in tests the "
                    + "shared TestClock that the test-jar registers")
            // a module without any Clock bean, the usual case, keeps the rule
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule onlyTheLauncherAnchorsADemoClockOnTheSystemClock = noClasses()
            .that().resideOutsideOfPackages(CLOCK_CONFIGURATION)
            .and().doNotHaveFullyQualifiedName("org.clinicops.local.ClinicLocal")
            .should().callMethod(ClinicClock.class, "system")
            .because("the machine's clock is read in the clock configuration and, for the demo clock's anchor, by "
                    + "the one-JVM launcher; nowhere else");

    private ClockRules() {
    }

    private static DescribedPredicate<JavaClass> assignableToClock() {
        // TestClock by name too: outside the module under test it is known by name only (archunit.properties)
        return DescribedPredicate.describe("a Clock",
                c -> c.isAssignableTo(Clock.class) || c.getName().equals(TestClock.class.getName()));
    }

    private static DescribedPredicate<JavaCall<?>> readsTheSystemClock() {
        Set<Class<?>> nowOwners = Set.of(Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
                ZonedDateTime.class, OffsetDateTime.class, Year.class, YearMonth.class);
        Set<String> clockFactories = Set.of("systemUTC", "systemDefaultZone", "system", "fixed", "offset", "tick",
                "tickMillis", "tickSeconds", "tickMinutes");
        return DescribedPredicate.describe("reads the system clock or makes a clock", call -> {
            JavaClass owner = call.getTargetOwner();
            String name = call.getName();
            if (owner.isEquivalentTo(Clock.class)) {
                return clockFactories.contains(name);
            }
            if (owner.isEquivalentTo(System.class)) {
                return name.equals("currentTimeMillis");
            }
            if (owner.isEquivalentTo(Date.class)) {
                return name.equals("<init>") && call.getTarget().getRawParameterTypes().isEmpty();
            }
            return name.equals("now") && nowOwners.stream().anyMatch(owner::isEquivalentTo)
                    && call.getTarget().getRawParameterTypes().stream().noneMatch(t -> t.isAssignableTo(Clock.class));
        });
    }
}
