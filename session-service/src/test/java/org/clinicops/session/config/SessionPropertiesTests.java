package org.clinicops.session.config;

import org.clinicops.session.booking.ClinicCalendar;
import org.clinicops.session.booking.OpeningHours;
import org.clinicops.session.protocol.Route;
import org.clinicops.support.testing.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code session.*} settings bind with the defaults of CLINICAL section 6 and accept a clinic's own. */
class SessionPropertiesTests {

    @Test
    void defaultsAreThoseOfClinicalSection6() {
        SessionProperties properties = bind(Map.of());

        ClinicCalendar calendar = properties.clinic().calendar();
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        OpeningHours weekday = new OpeningHours(LocalTime.of(8, 0), LocalTime.of(17, 0));
        assertThat(calendar.hours()).containsOnly(Map.entry(DayOfWeek.MONDAY, weekday),
                Map.entry(DayOfWeek.TUESDAY, weekday), Map.entry(DayOfWeek.WEDNESDAY, weekday),
                Map.entry(DayOfWeek.THURSDAY, weekday), Map.entry(DayOfWeek.FRIDAY, weekday));
        assertThat(calendar.closures()).isEmpty();
        assertThat(calendar.chairs()).isEqualTo(4);
        assertThat(calendar.slotMinutes()).isEqualTo(15);
        assertThat(calendar.turnover()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.booking().leadTime()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.booking().horizonDays()).isEqualTo(28);
    }

    @Test
    void openingHoursAreInTheZoneTheDeploymentSetsOnceForEveryService() {
        SessionProperties properties = ServiceSettings.bind("session-service", "session", SessionProperties.class,
                Map.of("CLINIC_ZONE", "Europe/London"));

        assertThat(properties.clinic().calendar().zone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void aClinicSetsItsOwnHoursClosuresAndChairs() {
        SessionProperties properties = bind(Map.of(
                "session.clinic.zone", "America/New_York",
                "session.clinic.hours.monday", "07:30-19:00",
                "session.clinic.hours.saturday", "09:00-13:00",
                "session.clinic.hours.sunday", "closed",
                "session.clinic.closures[0]", "2026-12-25",
                "session.clinic.closures[1]", "2027-01-01",
                "session.clinic.chairs", "6",
                "session.clinic.turnover", "20m",
                "session.booking.lead-time", "48h"));

        ClinicCalendar calendar = properties.clinic().calendar();
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(calendar.hours()).containsOnly(
                Map.entry(DayOfWeek.MONDAY, new OpeningHours(LocalTime.of(7, 30), LocalTime.of(19, 0))),
                Map.entry(DayOfWeek.SATURDAY, new OpeningHours(LocalTime.of(9, 0), LocalTime.of(13, 0))));
        assertThat(calendar.closures()).containsExactlyInAnyOrder(LocalDate.parse("2026-12-25"),
                LocalDate.parse("2027-01-01"));
        assertThat(calendar.hoursOn(LocalDate.parse("2026-12-25"))).isEmpty();
        assertThat(calendar.chairs()).isEqualTo(6);
        assertThat(calendar.turnover()).isEqualTo(Duration.ofMinutes(20));
        assertThat(properties.booking().leadTime()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void chairRoutes_byDefaultEveryChairServesEveryRoute() {
        ClinicCalendar calendar = bind(Map.of()).clinic().calendar();

        for (Route route : Route.values()) {
            assertThat(calendar.chairsFor(route)).as(route.name()).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void chairRoutes_aListedChairServesOnlyItsRoutes_theOthersEveryRoute() {
        ClinicCalendar calendar = bind(Map.of("session.clinic.chair-routes.3", "INTRANASAL",
                "session.clinic.chair-routes.4", "IV,IM")).clinic().calendar();

        assertThat(calendar.chairsFor(Route.INTRANASAL)).containsExactly(1, 2, 3);
        assertThat(calendar.chairsFor(Route.IV)).containsExactly(1, 2, 4);
        assertThat(calendar.chairsFor(Route.IM)).containsExactly(1, 2, 4);
    }

    @Test
    void chairRoutes_areSetByEnvironmentVariablesAsTheOperationsGuideSays() {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("SESSION_CLINIC_CHAIRROUTES_3", "INTRANASAL", "SESSION_CLINIC_CHAIRROUTES_4", "IV,IM"));
        SessionProperties properties = new Binder(ConfigurationPropertySources.from(environment), null,
                ApplicationConversionService.getSharedInstance()).bindOrCreate("session", SessionProperties.class);

        assertThat(properties.clinic().calendar().chairsFor(Route.INTRANASAL)).containsExactly(1, 2, 3);
        assertThat(properties.clinic().calendar().chairsFor(Route.IM)).containsExactly(1, 2, 4);
    }

    @Test
    void chairRoutes_anUnknownRouteOrAChairTheClinicDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("session.clinic.chair-routes.1", "ORAL")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("session.clinic.chair-routes.5", "IV")).clinic().calendar())
                .hasMessageContaining("Chair 5");
    }

    @Test
    void malformedOpeningHoursAreRefusedNamingTheSetting() {
        SessionProperties properties = bind(Map.of("session.clinic.hours.monday", "8 to 5"));

        assertThatThrownBy(() -> properties.clinic().calendar())
                .hasMessageContaining("session.clinic.hours.monday");
        assertThatThrownBy(() -> bind(Map.of("session.clinic.hours.monday", "17:00-08:00")).clinic().calendar())
                .hasMessageContaining("session.clinic.hours.monday");
    }

    @Test
    void aClosureThatIsNotADateIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("session.clinic.closures[0]", "25/12/2026")))
                .isInstanceOf(BindException.class);
    }

    private static SessionProperties bind(Map<String, String> settings) {
        return new Binder(List.of(new MapConfigurationPropertySource(settings)), null,
                ApplicationConversionService.getSharedInstance())
                .bindOrCreate("session", SessionProperties.class);
    }
}
