package org.clinicops.session.protocol;

import org.clinicops.events.Protocol;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The clinic's protocol table: exactly one definition per {@link Protocol}, and at most one default protocol per
 * indication. {@link #clinical} is the table of CLINICAL section 6; the numbers a clinic tunes ({@code session.day.*})
 * come in as its arguments.
 */
public record Protocols(List<ProtocolDefinition> definitions) {

    // CLINICAL section 6: 6 infusions (IM: 6 injections, as IV), never on consecutive calendar days, all within
    // 21 days of the first (last date - first date <= 21)
    private static final InductionSeries SIX_SPACED = new InductionSeries.Spaced(6, 2, 21);
    // CLINICAL section 6: weeks 1-4, two sessions per calendar week, at least 2 days apart (8 sessions)
    private static final InductionSeries TWICE_WEEKLY_FOR_FOUR_WEEKS = new InductionSeries.TwicePerCalendarWeek(4, 2);
    // CLINICAL section 6, maintenance: IV and IM boosters at the prescriber's interval, typically 2-6 weeks
    private static final Maintenance BOOSTERS_EVERY_2_TO_6_WEEKS = new Maintenance(0, 2, 6);
    // esketamine: weeks 5-8 once a week, from week 9 every 1 or 2 weeks
    private static final Maintenance WEEKLY_FOR_FOUR_WEEKS_THEN_EVERY_1_OR_2 = new Maintenance(4, 1, 2);

    public Protocols {
        definitions = List.copyOf(definitions);
        EnumSet<Protocol> defined = EnumSet.noneOf(Protocol.class);
        Set<String> defaulted = new HashSet<>();
        for (ProtocolDefinition definition : definitions) {
            if (!defined.add(definition.protocol())) {
                throw new IllegalArgumentException(definition.protocol() + " is defined twice");
            }
            for (String indication : definition.defaultFor()) {
                if (!defaulted.add(indication)) {
                    throw new IllegalArgumentException(indication + " has two default protocols");
                }
            }
        }
        if (!defined.equals(EnumSet.allOf(Protocol.class))) {
            throw new IllegalArgumentException("Every protocol needs a definition; missing: "
                    + EnumSet.complementOf(defined));
        }
    }

    /**
     * CLINICAL section 6. Chair times: IV 15 min pre-dose checks and cannula + 40 min infusion + 60 min observation;
     * esketamine 15 min pre-dose + up to 10 min dosing + 120 min observation (the REMS' 2 h); IM 15 min pre-dose +
     * 5 min injection + 60 min observation. DEPRESSION, BIPOLAR_DEPRESSION and PTSD default to IV ketamine, which is
     * licensed for none of them (off-label); esketamine is licensed for treatment-resistant depression, which is what
     * DEPRESSION means here (CLINICAL section 1, S-11).
     *
     * @param racemicKetamine the IV and IM dose rule
     */
    public static Protocols clinical(DoseRule.ByWeight racemicKetamine, DoseRule.FixedDoses esketamine,
                                     Duration observationIv, Duration observationIm,
                                     Duration observationEsketamine) {
        return new Protocols(List.of(
                new ProtocolDefinition(Protocol.IV_KETAMINE_DEPRESSION, Route.IV, SIX_SPACED, BOOSTERS_EVERY_2_TO_6_WEEKS,
                        Duration.ofMinutes(115),
                        racemicKetamine, observationIv, Set.of("DEPRESSION", "BIPOLAR_DEPRESSION", "PTSD"), Set.of(),
                        false),
                new ProtocolDefinition(Protocol.ESKETAMINE_NASAL, Route.INTRANASAL, TWICE_WEEKLY_FOR_FOUR_WEEKS,
                        WEEKLY_FOR_FOUR_WEEKS_THEN_EVERY_1_OR_2,
                        Duration.ofMinutes(145), esketamine, observationEsketamine, Set.of(), Set.of("DEPRESSION"),
                        true),
                new ProtocolDefinition(Protocol.IM_KETAMINE, Route.IM, SIX_SPACED, BOOSTERS_EVERY_2_TO_6_WEEKS,
                        Duration.ofMinutes(80),
                        racemicKetamine, observationIm, Set.of(), Set.of(), false)));
    }

    public ProtocolDefinition of(Protocol protocol) {
        return definitions.stream().filter(d -> d.protocol() == protocol).findFirst().orElseThrow();
    }

    /** The protocol a plan for {@code indication} starts with; empty when the prescriber chooses it. */
    public Optional<ProtocolDefinition> defaultFor(String indication) {
        return definitions.stream().filter(d -> d.defaultFor().contains(indication)).findFirst();
    }
}
