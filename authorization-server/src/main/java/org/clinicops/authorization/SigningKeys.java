package org.clinicops.authorization;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.core.io.Resource;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The RSA keys of the issuer, as the JWKs it signs with and publishes. */
final class SigningKeys {

    private static final int MINIMUM_BITS = 2048;

    private SigningKeys() {
    }

    /**
     * The configured signing key outside local mode; in local mode without one, a key made now, so tokens die with
     * the process.
     */
    static RSAKey signingKey(IssuerProperties.SigningKey configured, boolean localMode) {
        if (configured != null && configured.location() != null) {
            return load(configured);
        }
        if (!localMode) {
            throw new IllegalStateException("clinic.auth.signing-key.location must name the RSA private key tokens "
                    + "are signed with (PEM, PKCS#8): only local mode makes one at start-up");
        }
        return generated();
    }

    /** What the JWK set publishes: the signing key (its public part) and the other published keys. */
    static JWKSet published(RSAKey signingKey, List<IssuerProperties.PublishedKey> others) {
        List<JWK> keys = new ArrayList<>(List.of(signingKey));
        Set<String> ids = new HashSet<>(Set.of(signingKey.getKeyID()));
        for (IssuerProperties.PublishedKey other : others) {
            RSAKey key = loadPublic(other);
            if (!ids.add(key.getKeyID())) {
                throw new IllegalStateException("clinic.auth.published-keys: the key id " + key.getKeyID()
                        + " is published twice; give each key its own clinic.auth.published-keys[n].id");
            }
            keys.add(key);
        }
        return new JWKSet(keys);
    }

    private static RSAKey load(IssuerProperties.SigningKey configured) {
        RSAPrivateKey privateKey = read(configured.location(), "clinic.auth.signing-key.location",
                "a PEM PKCS#8 RSA private key (-----BEGIN PRIVATE KEY-----)", RsaKeyConverters.pkcs8()::convert);
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("clinic.auth.signing-key.location must hold an RSA key with its public "
                    + "part (CRT form)");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return withId(jwk(publicKey, "clinic.auth.signing-key.location").privateKey(privateKey), configured.id());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the key of clinic.auth.signing-key.location", e);
        }
    }

    private static RSAKey loadPublic(IssuerProperties.PublishedKey configured) {
        RSAPublicKey publicKey = read(configured.location(), "clinic.auth.published-keys",
                "a PEM X.509 RSA public key (-----BEGIN PUBLIC KEY-----)", RsaKeyConverters.x509()::convert);
        return withId(jwk(publicKey, "clinic.auth.published-keys"), configured.id());
    }

    private static <K> K read(Resource location, String setting, String what, Function<InputStream, K> converter) {
        if (location == null) {
            throw new IllegalStateException(setting + " must name " + what);
        }
        try (InputStream pem = location.getInputStream()) {
            return converter.apply(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + setting + " " + location, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must hold " + what + ": " + location, e);
        }
    }

    private static RSAKey withId(RSAKey.Builder key, String id) {
        try {
            return key.keyID(id == null || id.isBlank() ? key.build().computeThumbprint().toString() : id).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key's thumbprint", e);
        }
    }

    private static RSAKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MINIMUM_BITS);
            KeyPair pair = generator.generateKeyPair();
            return jwk((RSAPublicKey) pair.getPublic(), "local mode").privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a signing key", e);
        }
    }

    private static RSAKey.Builder jwk(RSAPublicKey publicKey, String setting) {
        if (publicKey.getModulus().bitLength() < MINIMUM_BITS) {
            throw new IllegalStateException(setting + ": an RSA key of at least " + MINIMUM_BITS + " bits is needed");
        }
        return new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
    }
}
