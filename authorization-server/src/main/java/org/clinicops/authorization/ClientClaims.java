package org.clinicops.authorization;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a client's access tokens say about it beyond the OAuth basics: its roles, for a partner the clinic it speaks
 * for, and who the tokens are for. Configured per client id under {@code clinic.auth.clients}.
 *
 * @param partnerClinicId the id a partner's referrals carry ({@code referral.partnerClinicId}); partners only
 * @param audiences       the token's {@code aud}; {@code clinic-ops}, which every service requires, unless a test
 *                        client needs a token they must refuse
 */
public record ClientClaims(Set<Role> roles, String partnerClinicId,
                           @DefaultValue(CLINIC_OPS) List<String> audiences) {

    public static final String CLINIC_OPS = "clinic-ops";
    private static final Pattern CLINIC_ID = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

    public ClientClaims {
        roles = roles == null ? Set.of() : roles;
    }

    /** Refuses what no token may carry; {@code clientId} names the client in the message. */
    void check(String clientId) {
        String setting = "clinic.auth.clients." + clientId;
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(setting + ".roles must name at least one role");
        }
        roles.stream().filter(Role::isExclusive).findFirst().filter(exclusive -> roles.size() > 1)
                .ifPresent(exclusive -> {
                    throw new IllegalArgumentException("%s.roles: %s is never given together with another role, was %s"
                            .formatted(setting, exclusive, roles));
                });
        boolean partner = roles.contains(Role.PARTNER);
        if (partner && (partnerClinicId == null || !CLINIC_ID.matcher(partnerClinicId).matches())) {
            throw new IllegalArgumentException(("%s.partner-clinic-id must be the partner clinic's id (lowercase "
                    + "letters, digits and '-'), was '%s'").formatted(setting, partnerClinicId));
        }
        if (!partner && partnerClinicId != null) {
            throw new IllegalArgumentException(setting + ".partner-clinic-id is for PARTNER clients only");
        }
        if (audiences.isEmpty() || audiences.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(setting + ".audiences must not be empty or blank");
        }
    }
}
