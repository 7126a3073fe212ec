package org.clinicops.support.testing;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens as the clinic's issuer signs them (RS256, a {@code kid} from its JWK set), for services under test
 * that are OAuth2 resource servers. The issuer's JWK set is served on loopback; {@link ServiceTest} points
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} at it. Token times are real time, as the services
 * validate them against real time (never the test clock).
 */
public final class TestTokens {

    /** The issuer's fixed URL, as clinic-local's and compose's services expect it. */
    public static final String ISSUER = "http://localhost:9000";
    public static final String AUDIENCE = "clinic-ops";
    private static final String KEY_ID = "test-issuer-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final KeyPair ISSUER_KEYS = rsaKeyPair();
    private static final String JWK_SET_URI = serveJwkSet();

    private TestTokens() {
    }

    /** Where the issuer's public keys are served, for {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
    public static String jwkSetUri() {
        return JWK_SET_URI;
    }

    /** A partner clinic's client-credentials token: {@code roles ["PARTNER"]} and its {@code partner_clinic_id}. */
    public static Token partner(String partnerClinicId) {
        return new Token().claim("sub", partnerClinicId + "-client").claim("client_id", partnerClinicId + "-client")
                .claim("roles", List.of("PARTNER")).claim("partner_clinic_id", partnerClinicId);
    }

    /** A staff member's token with the given roles ({@code "NURSE"}, ...). */
    public static Token staff(String staffId, String... roles) {
        return new Token().claim("sub", staffId).claim("client_id", "clinic-ops-web").claim("roles", List.of(roles));
    }

    /**
     * The care team member functional tests act as when they send no token of their own: every clinical role, so a
     * test of a rule needs no token dance; the access tests send each role's own token.
     */
    public static Token careTeam() {
        return staff("test-care-team", "INTAKE_COORDINATOR", "NURSE", "CLINICIAN", "PRESCRIBER");
    }

    /** The ops team's token: metrics, dead letters. */
    public static Token ops() {
        return staff("test-ops", "OPS");
    }

    /** notification-service's own token, the only one the contact endpoint accepts. */
    public static Token notificationService() {
        return new Token().claim("sub", "notification-service").claim("client_id", "notification-service")
                .claim("roles", List.of("NOTIFICATION_SERVICE"));
    }

    /** A key pair the issuer never published: a token it signs has a bad signature. */
    public static KeyPair strangerKeys() {
        return rsaKeyPair();
    }

    /** A token's claims, valid for 5 minutes from now, signed by the issuer until told otherwise. */
    public static final class Token {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private PrivateKey signingKey = ISSUER_KEYS.getPrivate();

        private Token() {
            Instant now = Instant.now();
            claims.put("iss", ISSUER);
            claims.put("aud", List.of(AUDIENCE));
            claims.put("iat", now.getEpochSecond());
            claims.put("nbf", now.getEpochSecond());
            claims.put("exp", now.plus(Duration.ofMinutes(5)).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /** The claims the token carries, to check what a service made of them (an audit record's caller). */
        public Map<String, Object> claims() {
            return Map.copyOf(claims);
        }

        public Token without(String name) {
            claims.remove(name);
            return this;
        }

        /** Expired {@code ago} (issued 5 minutes before that). */
        public Token expired(Duration ago) {
            Instant exp = Instant.now().minus(ago);
            return claim("exp", exp.getEpochSecond()).claim("iat", exp.minus(Duration.ofMinutes(5)).getEpochSecond())
                    .claim("nbf", exp.minus(Duration.ofMinutes(5)).getEpochSecond());
        }

        public Token signedBy(KeyPair keys) {
            signingKey = keys.getPrivate();
            return this;
        }

        /** The compact JWT. */
        public String jwt() {
            String header = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID));
            String content = header + "." + encode(claims);
            try {
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initSign(signingKey);
                rs256.update(content.getBytes(StandardCharsets.US_ASCII));
                return content + "." + BASE64URL.encodeToString(rs256.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The claims signed with HMAC-SHA256 under {@code secret}: an algorithm the services refuse. */
        public String hs256(String secret) {
            String content = encode(Map.of("alg", "HS256", "typ", "JWT", "kid", KEY_ID)) + "." + encode(claims);
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return content + "." + BASE64URL.encodeToString(hmac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The claims with {@code alg: none} and no signature. */
        public String unsigned() {
            return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims) + ".";
        }

        /** {@code Bearer <jwt>}, the value of an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + jwt();
        }
    }

    private static String encode(Map<String, Object> json) {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serveJwkSet() {
        RSAPublicKey key = (RSAPublicKey) ISSUER_KEYS.getPublic();
        byte[] jwkSet = JSON.writeValueAsBytes(Map.of("keys", List.of(Map.of(
                "kty", "RSA", "use", "sig", "alg", "RS256", "kid", KEY_ID,
                "n", unsigned(key.getModulus()), "e", unsigned(key.getPublicExponent())))));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwkSet.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwkSet);
                }
            });
            // every service under test in this JVM fetches the keys: none waits behind another
            server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return BASE64URL.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }
}
