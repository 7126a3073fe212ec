package org.clinicops.authorization;

import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registered clients with the claims their tokens carry: every registered client has its roles, and no roles are
 * configured for a client that is not registered (a typo in a client id would otherwise go unnoticed). A client that
 * signs in with a secret has one: notification-service's comes from the environment, and a blank one is refused here
 * rather than failing every token request.
 */
final class ClinicClients {

    private final Map<String, ClientClaims> claims;

    ClinicClients(OAuth2AuthorizationServerProperties registrations, IssuerProperties settings) {
        Set<String> registered = registrations.getClient().values().stream()
                .map(client -> client.getRegistration().getClientId())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> withoutClaims = new TreeSet<>(registered);
        withoutClaims.removeAll(settings.clients().keySet());
        if (!withoutClaims.isEmpty()) {
            throw new IllegalStateException("Registered clients without clinic.auth.clients.<client id>.roles: "
                    + withoutClaims);
        }
        Set<String> notRegistered = new TreeSet<>(settings.clients().keySet());
        notRegistered.removeAll(registered);
        if (!notRegistered.isEmpty()) {
            throw new IllegalStateException("clinic.auth.clients names clients that are not registered (no "
                    + "spring.security.oauth2.authorizationserver.client.*.registration.client-id): " + notRegistered);
        }
        Set<String> withoutSecret = registrations.getClient().values().stream()
                .map(OAuth2AuthorizationServerProperties.Client::getRegistration)
                .filter(registration -> registration.getClientAuthenticationMethods().stream()
                        .anyMatch(method -> method.startsWith("client_secret_")))
                .filter(registration -> registration.getClientSecret() == null
                        || registration.getClientSecret().isBlank())
                .map(OAuth2AuthorizationServerProperties.Registration::getClientId)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!withoutSecret.isEmpty()) {
            throw new IllegalStateException("Clients without a client-secret (notification-service's: "
                    + "clinic.auth.notification-service-secret): " + withoutSecret);
        }
        this.claims = settings.clients();
    }

    ClientClaims claimsOf(String clientId) {
        ClientClaims found = claims.get(clientId);
        if (found == null) {
            // only a client registered after start-up, which the in-memory registrations cannot have
            throw new IllegalStateException("No claims configured for client " + clientId);
        }
        return found;
    }
}
