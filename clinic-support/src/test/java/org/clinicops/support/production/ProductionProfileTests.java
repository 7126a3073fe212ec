package org.clinicops.support.production;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import javax.security.auth.login.AppConfigurationEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile sends nothing in clear (ACCESS section 7 in docs/access.md): what it sets for the Kafka
 * clients, and each setting it refuses to start with, named in the refusal.
 */
class ProductionProfileTests {

    private static final Map<String, Object> A_PRODUCTION_SERVICE = Map.of(
            "spring.kafka.bootstrap-servers", "kafka-1.clinic.internal:9093",
            "clinic.kafka.username", "session-service",
            "clinic.kafka.password", "s3cret",
            "spring.datasource.url",
            "jdbc:postgresql://db.clinic.internal/session?sslmode=verify-full&sslrootcert=/run/secrets/db-ca.pem",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.clinic.example",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://login.clinic.example/oauth2/jwks");

    @Test
    void everyKafkaClientLogsInWithScramOverTls_withTheConfiguredCredentials() {
        StandardEnvironment environment = prod(A_PRODUCTION_SERVICE);

        Map<String, Object> producer = kafka(environment).buildProducerProperties();
        assertThat(producer).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        assertThat(kafka(environment).buildConsumerProperties())
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                .containsKey(SaslConfigs.SASL_JAAS_CONFIG);
        Map<String, Object> login = login((String) producer.get(SaslConfigs.SASL_JAAS_CONFIG));
        assertThat(login).containsEntry("username", "session-service").containsEntry("password", "s3cret");
    }

    @Test
    void aPasswordWithQuotesBackslashesOrAPlaceholderSignIsPassedToKafkaAsItIs() {
        Map<String, Object> settings = new HashMap<>(A_PRODUCTION_SERVICE);
        // as an environment variable would say it: a placeholder sign Spring is not to resolve is escaped
        settings.put("clinic.kafka.password", "a\"b\\c\\${d}");

        String jaas = (String) kafka(prod(settings)).buildProducerProperties().get(SaslConfigs.SASL_JAAS_CONFIG);

        assertThat(login(jaas)).containsEntry("password", "a\"b\\c${d}");
    }

    @Test
    void aLoginTheServiceConfiguresItselfIsKept() {
        Map<String, Object> settings = new HashMap<>(A_PRODUCTION_SERVICE);
        settings.remove("clinic.kafka.username");
        settings.remove("clinic.kafka.password");
        settings.put("spring.kafka.properties.sasl.mechanism", "OAUTHBEARER");
        settings.put("spring.kafka.properties.sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");

        Map<String, Object> producer = kafka(prod(settings)).buildProducerProperties();

        assertThat(producer).containsEntry(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER")
                .containsEntry(SaslConfigs.SASL_JAAS_CONFIG,
                        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
    }

    @Test
    void kafkaInClearOrWithoutCredentials_isRefused() {
        Map<String, Object> plaintext = new HashMap<>(A_PRODUCTION_SERVICE);
        plaintext.put("spring.kafka.security.protocol", "PLAINTEXT");
        assertThatThrownBy(() -> prod(plaintext)).hasMessageContaining("Refusing to start with the 'prod' profile")
                .hasMessageContaining("spring.kafka.security.protocol is PLAINTEXT");

        Map<String, Object> anonymous = new HashMap<>(A_PRODUCTION_SERVICE);
        anonymous.remove("clinic.kafka.password");
        assertThatThrownBy(() -> prod(anonymous))
                .hasMessageContaining("needs clinic.kafka.username and clinic.kafka.password");
    }

    @Test
    void postgresWithoutVerifyFull_isRefused_forTheServiceAndForFlyway() {
        for (String url : new String[] {"jdbc:postgresql://db/session", "jdbc:postgresql://db/session?sslmode=require",
                "jdbc:postgresql://db/session?sslmode=verify-full&sslmode=disable"}) {
            Map<String, Object> settings = new HashMap<>(A_PRODUCTION_SERVICE);
            settings.put("spring.datasource.url", url);
            assertThatThrownBy(() -> prod(settings)).as(url)
                    .hasMessageContaining("spring.datasource.url must ask for sslmode=verify-full");
        }
        Map<String, Object> flyway = new HashMap<>(A_PRODUCTION_SERVICE);
        flyway.put("spring.flyway.url", "jdbc:postgresql://db/session?sslmode=prefer");
        assertThatThrownBy(() -> prod(flyway)).hasMessageContaining("spring.flyway.url must ask for sslmode=verify-full");
    }

    @Test
    void tokenKeysOrTokensOverPlainHttp_andTheDemoClock_areRefused_allNamedInOneRefusal() {
        Map<String, Object> settings = new HashMap<>(A_PRODUCTION_SERVICE);
        settings.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://issuer:9000/oauth2/jwks");
        settings.put("notification.auth.token-uri", "http://issuer:9000/oauth2/token");
        settings.put("clinic.clock.start", "2026-11-25T16:45:00Z");

        assertThatThrownBy(() -> prod(settings))
                .hasMessageContaining("jwk-set-uri is http://issuer:9000/oauth2/jwks: it must be an https URL")
                .hasMessageContaining("notification.auth.token-uri is http://issuer:9000/oauth2/token")
                .hasMessageContaining("clinic.clock.start is set");
    }

    @Test
    void withoutTheProfile_localModeIsLeftAsItIs() {
        StandardEnvironment environment = environment(Map.of("spring.kafka.bootstrap-servers", "localhost:9092",
                "spring.datasource.url", "jdbc:postgresql://localhost:5433/session"));

        new ProductionProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(ProductionProfile.PROPERTY_SOURCE)).isFalse();
        assertThat(kafka(environment).buildProducerProperties())
                .doesNotContainKey(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
    }

    private static StandardEnvironment prod(Map<String, Object> settings) {
        StandardEnvironment environment = environment(settings);
        environment.setActiveProfiles(ProductionProfile.PROFILE);
        new ProductionProfile().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }

    private static KafkaProperties kafka(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
    }

    /** The options of the one login module the JAAS text names, as Kafka parses it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> login(String jaas) {
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaas))).configurationEntries();
        assertThat(entries).hasSize(1);
        return (Map<String, Object>) entries.getFirst().getOptions();
    }
}
