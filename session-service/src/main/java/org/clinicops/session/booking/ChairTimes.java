package org.clinicops.session.booking;

import org.clinicops.events.Protocol;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** How long one session of each protocol holds a chair: the chair time that gets booked (CLINICAL section 6). */
public final class ChairTimes {

    private static final Map<Protocol, Duration> CHAIR_TIME = new EnumMap<>(Map.of(
            // CLINICAL section 6: 15 min pre-dose checks and cannula + 40 min infusion + 60 min observation
            Protocol.IV_KETAMINE_DEPRESSION, Duration.ofMinutes(115),
            // CLINICAL section 6: 15 min pre-dose + up to 10 min dosing + 120 min observation (REMS: 2 h)
            Protocol.ESKETAMINE_NASAL, Duration.ofMinutes(145),
            // CLINICAL section 6: 15 min pre-dose + 5 min injection + 60 min observation
            Protocol.IM_KETAMINE, Duration.ofMinutes(80)));

    private ChairTimes() {
    }

    public static Duration of(Protocol protocol) {
        return CHAIR_TIME.get(protocol);
    }
}
