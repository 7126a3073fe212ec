package org.clinicops.session.protocol;

import org.clinicops.events.Protocol;
import org.clinicops.session.config.SessionProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicops.events.Protocol.ESKETAMINE_NASAL;
import static org.clinicops.events.Protocol.IM_KETAMINE;
import static org.clinicops.events.Protocol.IV_KETAMINE_DEPRESSION;

/** The protocol table is CLINICAL section 6, with the numbers a clinic tunes taken from {@code session.day.*}. */
class ProtocolsTests {

    static final Protocols DEFAULTS = protocols(Map.of());

    @Test
    void eachProtocolsRouteSeriesChairTimeAndObservationAreThoseOfClinicalSection6() {
        ProtocolDefinition iv = DEFAULTS.of(IV_KETAMINE_DEPRESSION);
        ProtocolDefinition esketamine = DEFAULTS.of(ESKETAMINE_NASAL);
        ProtocolDefinition im = DEFAULTS.of(IM_KETAMINE);

        assertThat(List.of(iv.route(), esketamine.route(), im.route()))
                .containsExactly(Route.IV, Route.INTRANASAL, Route.IM);
        assertThat(List.of(iv.induction(), esketamine.induction(), im.induction())).containsExactly(
                new InductionSeries.Spaced(6, 2, 21), new InductionSeries.TwicePerCalendarWeek(4, 2),
                new InductionSeries.Spaced(6, 2, 21));
        assertThat(esketamine.induction().sessions()).isEqualTo(8);
        assertThat(List.of(iv.chairTime(), esketamine.chairTime(), im.chairTime()))
                .containsExactly(Duration.ofMinutes(115), Duration.ofMinutes(145), Duration.ofMinutes(80));
        assertThat(List.of(iv.observation(), esketamine.observation(), im.observation()))
                .containsExactly(Duration.ofMinutes(60), Duration.ofMinutes(120), Duration.ofMinutes(60));
        assertThat(List.of(iv.restrictedProgramme(), esketamine.restrictedProgramme(), im.restrictedProgramme()))
                .containsExactly(false, true, false);
    }

    @Test
    void boostersFollowTheSeries_ivAndImEvery2To6Weeks_esketamineWeeklyInWeeks5To8ThenEvery1Or2() {
        Maintenance iv = DEFAULTS.of(IV_KETAMINE_DEPRESSION).maintenance();
        Maintenance esketamine = DEFAULTS.of(ESKETAMINE_NASAL).maintenance();

        assertThat(DEFAULTS.of(IM_KETAMINE).maintenance()).isEqualTo(iv);
        assertThat(List.of(1, 2, 6, 7).stream().map(iv::allowsInterval)).containsExactly(false, true, true, false);
        assertThat(List.of(1, 2, 3).stream().map(esketamine::allowsInterval)).containsExactly(true, true, false);
        assertThat(List.of(1, 2, 3).stream().map(booster -> iv.weeksBefore(booster, 4))).containsExactly(4, 4, 4);
        assertThat(List.of(1, 4, 5, 6).stream().map(booster -> esketamine.weeksBefore(booster, 2)))
                .containsExactly(1, 1, 2, 2);
        assertThat(DEFAULTS.of(IV_KETAMINE_DEPRESSION).isBooster(6)).isFalse();
        assertThat(DEFAULTS.of(IV_KETAMINE_DEPRESSION).isBooster(7)).isTrue();
        assertThat(DEFAULTS.of(ESKETAMINE_NASAL).isBooster(8)).isFalse();
        assertThat(DEFAULTS.of(ESKETAMINE_NASAL).isBooster(9)).isTrue();
    }

    @Test
    void ivAndImAreOrderedByWeight_esketamineInFixedDosesOfWholeDevices() {
        DoseRule.ByWeight byWeight = new DoseRule.ByWeight(new BigDecimal("0.5"), new BigDecimal("1.0"),
                new BigDecimal("100"));
        assertThat(DEFAULTS.of(IV_KETAMINE_DEPRESSION).dose()).isEqualTo(byWeight);
        assertThat(DEFAULTS.of(IM_KETAMINE).dose()).isEqualTo(byWeight);
        assertThat(DEFAULTS.of(ESKETAMINE_NASAL).dose()).isEqualTo(new DoseRule.FixedDoses(
                List.of(new BigDecimal("28"), new BigDecimal("56"), new BigDecimal("84")),
                List.of(new BigDecimal("28"), new BigDecimal("56")), new BigDecimal("28")));
        assertThat(DEFAULTS.of(IV_KETAMINE_DEPRESSION).ordersByWeight()).isTrue();
        assertThat(DEFAULTS.of(ESKETAMINE_NASAL).ordersByWeight()).isFalse();
    }

    @Test
    void theNumbersAClinicTunesComeFromItsSessionDaySettings() {
        Protocols tuned = protocols(Map.of("session.day.observation-esketamine", "150m",
                "session.day.cap-mg", "90", "session.day.esketamine-first-doses-mg", "28"));

        assertThat(tuned.of(ESKETAMINE_NASAL).observation()).isEqualTo(Duration.ofMinutes(150));
        assertThat(((DoseRule.ByWeight) tuned.of(IM_KETAMINE).dose()).capMg()).isEqualByComparingTo("90");
        DoseRule.FixedDoses esketamine = (DoseRule.FixedDoses) tuned.of(ESKETAMINE_NASAL).dose();
        assertThat(esketamine.allows(1, new BigDecimal("56"))).isFalse();
        assertThat(esketamine.allows(2, new BigDecimal("56.0"))).isTrue();
    }

    @Test
    void depressionBipolarDepressionAndPtsdDefaultToIvKetamine_theOtherIndicationsHaveNoDefault() {
        for (String indication : List.of("DEPRESSION", "BIPOLAR_DEPRESSION", "PTSD")) {
            assertThat(DEFAULTS.defaultFor(indication)).as(indication).map(ProtocolDefinition::protocol)
                    .contains(IV_KETAMINE_DEPRESSION);
        }
        for (String indication : List.of("OCD", "CHRONIC_PAIN", "SUBSTANCE_USE_WITH_MOOD")) {
            assertThat(DEFAULTS.defaultFor(indication)).as(indication).isEmpty();
        }
    }

    @Test
    void onlyEsketamineForDepressionIsOnLabel_anUnknownIndicationCountsAsOffLabel() {
        for (String indication : List.of("DEPRESSION", "BIPOLAR_DEPRESSION", "PTSD", "OCD", "CHRONIC_PAIN",
                "SUBSTANCE_USE_WITH_MOOD")) {
            assertThat(DEFAULTS.of(IV_KETAMINE_DEPRESSION).offLabelFor(indication)).as(indication).isTrue();
            assertThat(DEFAULTS.of(IM_KETAMINE).offLabelFor(indication)).as(indication).isTrue();
            assertThat(DEFAULTS.of(ESKETAMINE_NASAL).offLabelFor(indication)).as(indication)
                    .isEqualTo(!indication.equals("DEPRESSION"));
        }
        assertThat(DEFAULTS.of(ESKETAMINE_NASAL).offLabelFor(null)).isTrue();
    }

    @Test
    void aTableMissingAProtocolOrWithTwoDefaultsForOneIndicationIsRefused() {
        List<ProtocolDefinition> all = DEFAULTS.definitions();
        assertThatThrownBy(() -> new Protocols(all.subList(0, 2))).hasMessageContaining("IM_KETAMINE");
        ProtocolDefinition im = DEFAULTS.of(IM_KETAMINE);
        ProtocolDefinition imForPtsd = new ProtocolDefinition(Protocol.IM_KETAMINE, im.route(), im.induction(),
                im.maintenance(), im.chairTime(), im.dose(), im.observation(), Set.of("PTSD"), im.onLabelFor(),
                im.restrictedProgramme());
        assertThatThrownBy(() -> new Protocols(List.of(all.get(0), all.get(1), imForPtsd)))
                .hasMessageContaining("PTSD");
    }

    private static Protocols protocols(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("session", SessionProperties.class).day().protocols();
    }
}
