package org.clinicops.support.production;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code prod} profile: no health data or credential crosses a network in clear, and no demo setting reaches a
 * clinic. Kafka clients log in with SASL over TLS, PostgreSQL is reached with {@code sslmode=verify-full}, the
 * issuer's keys and tokens are fetched over HTTPS, and the demo clock is refused. A setting that breaks one of these
 * stops the start with a message naming it, rather than running in clear. The gateway and the issuer serve HTTPS by
 * their own yml ({@code server.ssl.bundle}); the defaults added here are the weakest property source, so a service's
 * yml or environment may choose, for example, another SASL mechanism.
 */
public class ProductionProfile implements EnvironmentPostProcessor {

    public static final String PROFILE = "prod";
    static final String PROPERTY_SOURCE = "clinicSupportProductionDefaults";

    private static final String SASL_SSL = "SASL_SSL";
    private static final String JAAS_CONFIG = "spring.kafka.properties.sasl.jaas.config";
    private static final String SASL_MECHANISM = "spring.kafka.properties.sasl.mechanism";
    /** URLs that carry a token, a client secret or the keys that check tokens. */
    private static final List<String> HTTPS_ONLY = List.of(
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.authorizationserver.issuer",
            "notification.auth.token-uri");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<String> refusals = new ArrayList<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (environment.containsProperty("spring.kafka.bootstrap-servers")) {
            kafka(environment, defaults, refusals);
        }
        for (String url : List.of("spring.datasource.url", "spring.flyway.url")) {
            String value = environment.getProperty(url);
            if (value != null && !verifiesTheServer(value)) {
                refusals.add(url + " must ask for sslmode=verify-full, so that PostgreSQL's certificate and host name "
                        + "are checked (e.g. jdbc:postgresql://db.clinic.internal/intake?sslmode=verify-full"
                        + "&sslrootcert=/run/secrets/db-ca.pem)");
            }
        }
        for (String url : HTTPS_ONLY) {
            String value = environment.getProperty(url);
            if (StringUtils.hasText(value) && !"https".equalsIgnoreCase(URI.create(value.trim()).getScheme())) {
                refusals.add(url + " is " + value + ": it must be an https URL");
            }
        }
        if (StringUtils.hasText(environment.getProperty("clinic.clock.start"))) {
            refusals.add("clinic.clock.start is set: the demo clock is for training, never for a clinic's real day");
        }
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the '" + PROFILE + "' profile: "
                    + String.join("; ", refusals));
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
    }

    private static void kafka(ConfigurableEnvironment environment, Map<String, Object> defaults,
                              List<String> refusals) {
        String protocol = environment.getProperty("spring.kafka.security.protocol");
        if (protocol != null && !SASL_SSL.equals(protocol)) {
            refusals.add("spring.kafka.security.protocol is " + protocol + ": Kafka is reached with " + SASL_SSL);
        }
        defaults.put("spring.kafka.security.protocol", SASL_SSL);
        String mechanism = environment.getProperty(SASL_MECHANISM, "SCRAM-SHA-512");
        defaults.put(SASL_MECHANISM, mechanism);
        if (environment.containsProperty(JAAS_CONFIG)) {
            return;
        }
        String username = environment.getProperty("clinic.kafka.username");
        String password = environment.getProperty("clinic.kafka.password");
        String loginModule = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule" : null;
        if (loginModule == null) {
            refusals.add("the SASL mechanism " + mechanism + " needs its login in " + JAAS_CONFIG);
        } else if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
            refusals.add("Kafka's SASL login needs clinic.kafka.username and clinic.kafka.password "
                    + "(CLINIC_KAFKA_USERNAME, CLINIC_KAFKA_PASSWORD), or " + JAAS_CONFIG);
        } else {
            defaults.put(JAAS_CONFIG, loginModule + " required username=" + jaasQuoted(username)
                    + " password=" + jaasQuoted(password) + ";");
        }
    }

    /** Whether every {@code sslmode} the JDBC URL names is {@code verify-full}, and it names one. */
    static boolean verifiesTheServer(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return false;
        }
        List<String> modes = Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
                .filter(parameter -> parameter.toLowerCase(Locale.ROOT).startsWith("sslmode="))
                .map(parameter -> parameter.substring("sslmode=".length()).toLowerCase(Locale.ROOT)).toList();
        return !modes.isEmpty() && modes.stream().allMatch("verify-full"::equals);
    }

    /**
     * A JAAS option value in quotes, its backslashes and quotes escaped for JAAS, and a {@code ${} escaped for
     * Spring, which would otherwise read a password containing it as a placeholder.
     */
    private static String jaasQuoted(String value) {
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${");
        return "\"" + escaped + "\"";
    }
}
