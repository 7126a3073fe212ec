package org.clinicops.session.plan;

import org.clinicops.events.Protocol;

import java.util.Optional;

/**
 * The protocol a plan starts with when the screening's indication has a default (CLINICAL section 6): DEPRESSION,
 * BIPOLAR_DEPRESSION and PTSD get IV ketamine, off-label for all three. The other indications get their protocol
 * from the prescriber's plan.
 */
record DefaultProtocol(Protocol protocol, boolean offLabel) {

    static Optional<DefaultProtocol> forIndication(String indication) {
        return switch (indication) {
            case "DEPRESSION", "BIPOLAR_DEPRESSION", "PTSD" ->
                    Optional.of(new DefaultProtocol(Protocol.IV_KETAMINE_DEPRESSION, true));
            default -> Optional.empty();
        };
    }
}
