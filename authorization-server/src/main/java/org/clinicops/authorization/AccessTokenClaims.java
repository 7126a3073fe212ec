package org.clinicops.authorization;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds the clinic's claims to an access token: {@code roles}, {@code client_id} (RFC 9068), a partner's
 * {@code partner_clinic_id}, and {@code aud} = the services instead of Spring's default, the client itself.
 * {@code sub} stays the client id, as Spring Authorization Server sets it for client credentials.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final ClinicClients clients;

    AccessTokenClaims(ClinicClients clients) {
        this.clients = clients;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        ClientClaims claims = clients.claimsOf(clientId);
        context.getClaims()
                .audience(claims.audiences())
                .claim("client_id", clientId)
                .claim("roles", claims.roles().stream().map(Role::name).toList());
        if (claims.partnerClinicId() != null) {
            context.getClaims().claim("partner_clinic_id", claims.partnerClinicId());
        }
    }
}
