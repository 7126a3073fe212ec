package org.clinicops.authorization;

import org.clinicops.support.testing.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the issuer refuses to start with: demo clients or their secrets outside local mode, a production start without
 * its signing key, and clients whose tokens would carry what no token may (a partner's or a service's role beside
 * another). Each starts the application as {@code main} does.
 */
class IssuerStartupTests {

    private static final String PRODUCTION_ISSUER = "https://localhost:9000";
    private static final String OWN_SECRET = "--clinic.auth.notification-service-secret={noop}a-secret-of-its-own";

    @TempDir
    static Path keys;

    @Test
    void theProductionProfileRefusesTheDemoClients() {
        assertThatThrownBy(() -> start(List.of("local", "prod")))
                .rootCause().hasMessageContaining("Refusing to start with the 'prod' profile")
                .hasMessageContaining("clinic.auth.demo-clients is true")
                .hasMessageContaining("demo-nurse");
    }

    @Test
    void withoutTheLocalProfileEnablingDemoClientsIsRefused() {
        assertThatThrownBy(() -> start(List.of(), OWN_SECRET, "--clinic.auth.demo-clients=true"))
                .rootCause().hasMessageContaining("Refusing to start without the 'local' profile")
                .hasMessageContaining("clinic.auth.demo-clients is true");
    }

    @Test
    void aDemoSecretGivenToAProductionClientIsRefused() {
        assertThatThrownBy(() -> start(List.of("prod"),
                "--clinic.auth.notification-service-secret={noop}notification-service-secret"))
                .rootCause().hasMessageContaining("clients with a demo secret are configured [notification-service]");
    }

    @Test
    void aDemoSecretIsRecognisedHashedToo() {
        String hashed = "{bcrypt}" + new BCryptPasswordEncoder().encode("demo-partner-a-secret");

        assertThatThrownBy(() -> start(List.of(), "--clinic.auth.notification-service-secret=" + hashed))
                .rootCause().hasMessageContaining("clients with a demo secret are configured [notification-service]");
    }

    @Test
    void aDemoClientRegisteredOutsideLocalModeIsRefusedWhateverItsSecret() {
        assertThatThrownBy(() -> start(List.of(), OWN_SECRET,
                "--spring.security.oauth2.authorizationserver.client.nurse.registration.client-id=demo-nurse",
                "--spring.security.oauth2.authorizationserver.client.nurse.registration.client-secret={noop}s3cret",
                "--spring.security.oauth2.authorizationserver.client.nurse.registration.client-authentication-methods=client_secret_basic",
                "--spring.security.oauth2.authorizationserver.client.nurse.registration.authorization-grant-types=client_credentials",
                "--clinic.auth.clients.demo-nurse.roles=NURSE"))
                .rootCause().hasMessageContaining("demo clients are configured [demo-nurse]");
    }

    @Test
    void aProductionStartWithoutItsSigningKeyIsRefused() {
        assertThatThrownBy(() -> start(List.of("prod"), OWN_SECRET))
                .rootCause().hasMessageContaining("clinic.auth.signing-key.location must name the RSA private key");
    }

    @Test
    void aProductionStartWithoutNotificationServicesSecretIsRefused() {
        assertThatThrownBy(() -> start(List.of("prod"), "--clinic.auth.signing-key.location=file:" + signingKey()))
                .rootCause().hasMessageContaining("Clients without a client-secret")
                .hasMessageContaining("notification-service");
    }

    @Test
    void aPartnerRoleBesideAnotherRoleIsNeverMinted() {
        assertThatThrownBy(() -> start(List.of("local"), "--clinic.auth.clients.demo-partner-a.roles=PARTNER,NURSE"))
                .rootCause().hasMessageContaining(
                        "clinic.auth.clients.demo-partner-a.roles: PARTNER is never given together with another role");
    }

    @Test
    void theNotificationServiceRoleBesideAnotherRoleIsNeverMinted() {
        assertThatThrownBy(() -> start(List.of("local"),
                "--clinic.auth.clients.notification-service.roles=OPS,NOTIFICATION_SERVICE"))
                .rootCause().hasMessageContaining("NOTIFICATION_SERVICE is never given together with another role");
    }

    @Test
    void aPartnerWithoutItsClinicIdIsRefused() {
        assertThatThrownBy(() -> start(List.of("local"), "--clinic.auth.clients.demo-partner-b.partner-clinic-id=Lakeside Counseling"))
                .rootCause().hasMessageContaining("clinic.auth.clients.demo-partner-b.partner-clinic-id must be");
    }

    @Test
    void aRegisteredClientWithoutRolesIsRefused() {
        assertThatThrownBy(() -> start(List.of("local"), "--clinic.auth.clients.demo-ops.roles="))
                .rootCause().hasMessageContaining("clinic.auth.clients.demo-ops.roles must name at least one role");
    }

    @Test
    void aProductionStartSignsWithTheConfiguredKeyAndPublishesTheNextKeyBesideIt() throws Exception {
        KeyPair pair = rsaKeyPair();
        Path pem = writePrivateKey(pair);
        Path next = writePublicKey(rsaKeyPair());

        try (ConfigurableApplicationContext issuer = start(List.of("prod"), OWN_SECRET,
                "--clinic.auth.signing-key.location=file:" + pem, "--clinic.auth.signing-key.id=2026-11",
                "--clinic.auth.published-keys[0].location=file:" + next, "--clinic.auth.published-keys[0].id=2027-01")) {
            String url = "https://localhost:" + issuer.getEnvironment().getRequiredProperty("local.server.port");
            String token = TokenRequests.accessToken(url, "notification-service", "a-secret-of-its-own");

            NimbusJwtDecoder withTheConfiguredKey = NimbusJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic())
                    .build();
            withTheConfiguredKey.setJwtValidator(new JwtIssuerValidator(PRODUCTION_ISSUER));
            Jwt jwt = withTheConfiguredKey.decode(token);
            assertThat(jwt.getHeaders()).containsEntry("kid", "2026-11");
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly("NOTIFICATION_SERVICE");
            List<String> published = new ArrayList<>();
            TokenRequests.json(TokenRequests.get(url + "/oauth2/jwks").body()).get("keys")
                    .forEach(key -> published.add(key.get("kid").asString()));
            assertThat(published).containsExactlyInAnyOrder("2026-11", "2027-01");
        }
    }

    @Test
    void aProductionStartAnswersOverHttpsOnly_withHsts() throws Exception {
        try (ConfigurableApplicationContext issuer = start(List.of("prod"), OWN_SECRET,
                "--clinic.auth.signing-key.location=file:" + signingKey())) {
            String port = issuer.getEnvironment().getRequiredProperty("local.server.port");

            HttpResponse<String> overTls = TokenRequests.get("https://localhost:" + port + "/oauth2/jwks");
            assertThat(overTls.statusCode()).isEqualTo(200);
            assertThat(overTls.headers().firstValue("Strict-Transport-Security")).isPresent();
            // Tomcat refuses a request in clear on its TLS port: nothing of the issuer answers it
            assertThat(TokenRequests.get("http://localhost:" + port + "/oauth2/jwks").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aProductionStartWithoutItsTlsCertificateIsRefused() throws Exception {
        SpringApplication application = AuthorizationServerApplication.builder().profiles("prod").build();

        assertThatThrownBy(() -> application.run("--server.port=0", OWN_SECRET,
                "--spring.security.oauth2.authorizationserver.issuer=" + PRODUCTION_ISSUER,
                "--clinic.auth.signing-key.location=file:" + signingKey()).close())
                .rootCause().hasMessageContaining("clinic.tls.certificate");
    }

    @Test
    void aPublishedKeyUnderTheSigningKeysIdIsRefused() throws Exception {
        KeyPair pair = rsaKeyPair();
        Path signing = writePrivateKey(pair);
        Path sameKey = writePublicKey(pair);

        assertThatThrownBy(() -> start(List.of("prod"), OWN_SECRET, "--clinic.auth.signing-key.location=file:" + signing,
                "--clinic.auth.published-keys[0].location=file:" + sameKey))
                .rootCause().hasMessageContaining("is published twice");
    }

    /** A production start gets what that profile needs besides the clients: HTTPS and an https issuer. */
    private static ConfigurableApplicationContext start(List<String> profiles, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server.port=0");
        if (profiles.contains("prod")) {
            all.addAll(TestTls.serverArguments());
            all.add("--spring.security.oauth2.authorizationserver.issuer=" + PRODUCTION_ISSUER);
        }
        SpringApplication application = AuthorizationServerApplication.builder()
                .profiles(profiles.toArray(String[]::new)).build();
        return application.run(all.toArray(String[]::new));
    }

    private static Path writePublicKey(KeyPair pair) throws IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return Files.writeString(Files.createTempFile(keys, "published", ".pem"), pem);
    }

    private static Path signingKey() throws IOException, NoSuchAlgorithmException {
        return writePrivateKey(rsaKeyPair());
    }

    private static KeyPair rsaKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Path writePrivateKey(KeyPair pair) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Files.writeString(Files.createTempFile(keys, "signing", ".pem"), pem);
    }
}
