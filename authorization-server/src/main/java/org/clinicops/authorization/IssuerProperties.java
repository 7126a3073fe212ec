package org.clinicops.authorization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.util.List;
import java.util.Map;

/**
 * The clinic's settings of the issuer. The OAuth registration of each client (id, secret, grant, lifetime) is Spring
 * Boot's, under {@code spring.security.oauth2.authorizationserver.client}; what its tokens say is here.
 *
 * @param demoClients whether the demo clients of the local profile may exist: the local profile sets it, and the
 *                    issuer refuses to start with it anywhere else
 * @param clients     per client id, the claims its access tokens carry; every registered client has an entry
 * @param signingKey    the RSA key tokens are signed with; required outside local mode
 * @param publishedKeys public keys published in the JWK set beside it, never signed with: for a rotation, the next
 *                      key before tokens are signed with it, and the previous one until its last tokens expired
 */
@ConfigurationProperties(prefix = "clinic.auth")
public record IssuerProperties(boolean demoClients, Map<String, ClientClaims> clients, SigningKey signingKey,
                               List<PublishedKey> publishedKeys) {

    public IssuerProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        clients.forEach((clientId, claims) -> claims.check(clientId));
        publishedKeys = publishedKeys == null ? List.of() : List.copyOf(publishedKeys);
    }

    /**
     * @param location the private key, PEM-encoded PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), RSA 2048 bits or more
     * @param id       the {@code kid} it is published under; blank: its RFC 7638 thumbprint
     */
    public record SigningKey(Resource location, String id) {
    }

    /**
     * @param location the public key, PEM-encoded X.509 ({@code -----BEGIN PUBLIC KEY-----})
     * @param id       its {@code kid}; blank: its RFC 7638 thumbprint
     */
    public record PublishedKey(Resource location, String id) {
    }
}
