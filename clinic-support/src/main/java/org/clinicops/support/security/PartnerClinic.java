package org.clinicops.support.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The partner clinic a request acts for: the validated token's {@code partner_clinic_id}, and nothing the caller
 * chooses otherwise (no header, query or body member names a clinic).
 *
 * @param id       the clinic's slug, as patients' {@code referral.partnerClinicId} carries it
 * @param clientId the OAuth client the token was issued to, for the audit trail
 */
public record PartnerClinic(String id, String clientId) {

    public static final String ROLE = "PARTNER";
    public static final String CLAIM = "partner_clinic_id";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * The clinic of a partner token, or empty for any other token. {@code PARTNER} is an exclusive role: a token
     * carrying it with another role, or without a well-formed clinic id, acts for no clinic.
     */
    public static Optional<PartnerClinic> of(Jwt token) {
        Object roles = token.getClaims().get("roles");
        Object clinic = token.getClaims().get(CLAIM);
        if (!List.of(ROLE).equals(roles) || !(clinic instanceof String id) || !isWellFormedId(id)) {
            return Optional.empty();
        }
        Object clientId = token.getClaims().get("client_id");
        return Optional.of(new PartnerClinic(id, clientId instanceof String c ? c : token.getSubject()));
    }

    /** A partner clinic's id as its tokens carry it: a lowercase slug of 1 to 63 characters (riverside-psychiatry). */
    public static boolean isWellFormedId(String id) {
        return id != null && SLUG.matcher(id).matches();
    }

    /** The clinic of a token {@link ClinicSecurity} has let in to a partner route, which is always a partner token. */
    public static PartnerClinic ofAdmitted(Jwt token) {
        return of(token).orElseThrow(() -> new IllegalStateException("Not a partner token"));
    }
}
