package org.clinicops.session.protocol;

import org.clinicops.events.Protocol;

import java.time.Duration;
import java.util.Set;

/**
 * One row of the protocol table (CLINICAL section 6).
 *
 * @param route               which chairs may take its sessions ({@code session.clinic.chair-routes})
 * @param induction           how many sessions its induction series has and on which dates they may fall
 * @param chairTime           how long one session holds a chair: what gets booked
 * @param dose                how a dose is ordered and which orders are allowed (D-4)
 * @param observation         the least observation after the dose has ended (D-8)
 * @param defaultFor          the indications whose plan starts with this protocol, without a prescriber's choice
 * @param onLabelFor          the indications the drug is licensed for; for any other its use is off-label
 * @param restrictedProgramme dosed only within the licence holder's restricted programme (esketamine's): the patient
 *                            is enrolled before a session may check in, and a monitoring form is due after each
 *                            discharge
 */
public record ProtocolDefinition(Protocol protocol, Route route, InductionSeries induction, Maintenance maintenance,
                                 Duration chairTime, DoseRule dose, Duration observation, Set<String> defaultFor,
                                 Set<String> onLabelFor, boolean restrictedProgramme) {

    public ProtocolDefinition {
        defaultFor = Set.copyOf(defaultFor);
        onLabelFor = Set.copyOf(onLabelFor);
    }

    /** Off-label for {@code indication}; also when the indication is not known (a plan made before it was kept). */
    public boolean offLabelFor(String indication) {
        return indication == null || !onLabelFor.contains(indication);
    }

    /** Whether the session numbered {@code number} is a booster after the induction series (CLINICAL D-9). */
    public boolean isBooster(int number) {
        return number > induction.sessions();
    }

    /** IV and IM are ordered in mg/kg, esketamine in mg. */
    public boolean ordersByWeight() {
        return dose instanceof DoseRule.ByWeight;
    }
}
