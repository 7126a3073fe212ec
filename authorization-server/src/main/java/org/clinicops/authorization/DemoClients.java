package org.clinicops.authorization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties.Client;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties.Registration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The demo clients, with their well-known secrets, exist for a laptop or a demo stack only: they are the local
 * profile's ({@value #LOCAL_FILE}), which also sets {@code clinic.auth.demo-clients}. Read from that same file, so the
 * list is written once: a client named there with a {@code client-id} is a demo client, and every secret there is a
 * demo secret (notification-service's too; in production it has a secret of its own).
 *
 * <p>The issuer refuses to start when the demo clients are enabled, or a demo client or a demo secret is configured,
 * unless the local profile is active and the {@code prod} profile is not.
 */
final class DemoClients {

    static final String LOCAL_PROFILE = "local";
    static final String PRODUCTION_PROFILE = "prod";
    static final String LOCAL_FILE = "authorization-server-local.yml";
    private static final String NOOP = "{noop}";
    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

    private final boolean enabled;

    private DemoClients(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether this start is local mode: demo clients allowed, and a signing key made at start-up. */
    boolean enabled() {
        return enabled;
    }

    static DemoClients check(Environment environment, boolean demoClients, Collection<Client> configured) {
        Map<String, Client> demo = localConfiguration();
        Set<String> demoIds = demo.values().stream().map(client -> client.getRegistration().getClientId())
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        List<String> demoSecrets = demo.values().stream().map(client -> client.getRegistration().getClientSecret())
                .filter(Objects::nonNull).map(secret -> secret.startsWith(NOOP) ? secret.substring(NOOP.length()) : secret)
                .toList();
        List<Registration> registrations = configured.stream().map(Client::getRegistration).toList();
        Set<String> demoClientsConfigured = registrations.stream().map(Registration::getClientId)
                .filter(demoIds::contains).collect(Collectors.toCollection(TreeSet::new));
        Set<String> demoSecretsConfigured = registrations.stream()
                .filter(registration -> isDemoSecret(registration.getClientSecret(), demoSecrets))
                .map(Registration::getClientId).collect(Collectors.toCollection(TreeSet::new));

        boolean production = environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE));
        boolean local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE)) && !production;
        boolean demoConfigured = demoClients || !demoClientsConfigured.isEmpty() || !demoSecretsConfigured.isEmpty();
        if (demoConfigured && !(local && demoClients)) {
            throw new IllegalStateException(refusal(production, demoClients, demoClientsConfigured,
                    demoSecretsConfigured));
        }
        if (demoClients) {
            log.warn("Demo clients enabled (local mode only; their secrets are public): {}", demoClientsConfigured);
        }
        return new DemoClients(demoClients);
    }

    private static String refusal(boolean production, boolean demoClients, Set<String> clients, Set<String> secrets) {
        StringBuilder reasons = new StringBuilder();
        if (demoClients) {
            reasons.append(" clinic.auth.demo-clients is true;");
        }
        if (!clients.isEmpty()) {
            reasons.append(" demo clients are configured ").append(clients).append(';');
        }
        if (!secrets.isEmpty()) {
            reasons.append(" clients with a demo secret are configured ").append(secrets).append(';');
        }
        String where = production ? "with the 'prod' profile" : "without the 'local' profile";
        return "Refusing to start " + where + ":" + reasons
                + " the demo clients and their secrets are for local mode only (the 'local' profile, which enables "
                + "them); give every client a secret of its own";
    }

    private static boolean isDemoSecret(String configured, List<String> demoSecrets) {
        if (configured == null) {
            return false;
        }
        PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return demoSecrets.stream().anyMatch(demo -> configured.equals(demo) || matches(passwords, demo, configured));
    }

    /** A hashed secret ({@code {bcrypt}…}) is a demo secret too if the demo secret matches it. */
    private static boolean matches(PasswordEncoder passwords, String raw, String encoded) {
        try {
            return passwords.matches(raw, encoded);
        } catch (IllegalArgumentException noKnownEncoding) {
            return false;
        }
    }

    private static Map<String, Client> localConfiguration() {
        try {
            var file = new YamlPropertySourceLoader().load(LOCAL_FILE, new ClassPathResource(LOCAL_FILE));
            return new Binder(ConfigurationPropertySources.from(file))
                    .bind("spring.security.oauth2.authorizationserver.client", Bindable.mapOf(String.class, Client.class))
                    .orElse(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCAL_FILE, e);
        }
    }
}
