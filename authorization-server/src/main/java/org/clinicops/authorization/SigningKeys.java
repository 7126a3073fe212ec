package org.clinicops.authorization;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.security.converter.RsaKeyConverters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.UUID;

/** The RSA key access tokens are signed with, as the JWK the issuer publishes. */
final class SigningKeys {

    private static final int MINIMUM_BITS = 2048;

    private SigningKeys() {
    }

    /**
     * The configured key outside local mode; in local mode without one, a key made now, so tokens die with the
     * process.
     */
    static RSAKey of(IssuerProperties.SigningKey configured, boolean localMode) {
        if (configured != null && configured.location() != null) {
            return load(configured);
        }
        if (!localMode) {
            throw new IllegalStateException("clinic.auth.signing-key.location must name the RSA private key tokens "
                    + "are signed with (PEM, PKCS#8): only local mode makes one at start-up");
        }
        return generated();
    }

    private static RSAKey load(IssuerProperties.SigningKey configured) {
        RSAPrivateKey privateKey;
        try (InputStream pem = configured.location().getInputStream()) {
            privateKey = RsaKeyConverters.pkcs8().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read clinic.auth.signing-key.location " + configured.location(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("clinic.auth.signing-key.location must hold a PEM PKCS#8 RSA private key ("
                    + "-----BEGIN PRIVATE KEY-----): " + configured.location(), e);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt) || crt.getModulus().bitLength() < MINIMUM_BITS) {
            throw new IllegalStateException("clinic.auth.signing-key.location must hold an RSA key of at least "
                    + MINIMUM_BITS + " bits with its public part (CRT form)");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            RSAKey key = jwk(publicKey, privateKey).build();
            String id = configured.id() == null || configured.id().isBlank()
                    ? key.computeThumbprint().toString() : configured.id();
            return jwk(publicKey, privateKey).keyID(id).build();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot use the key of clinic.auth.signing-key.location", e);
        }
    }

    private static RSAKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MINIMUM_BITS);
            KeyPair pair = generator.generateKeyPair();
            return jwk((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a signing key", e);
        }
    }

    private static RSAKey.Builder jwk(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        return new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256);
    }
}
