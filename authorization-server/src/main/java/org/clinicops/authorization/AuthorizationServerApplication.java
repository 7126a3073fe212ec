package org.clinicops.authorization;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The clinic's token issuer: client-credentials access tokens carrying the clinic's roles, signed RS256, with the JWK
 * set the services validate them against. It has no users: staff sign in at the clinic's identity provider.
 */
// no user store here, so no generated user and password either
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
public class AuthorizationServerApplication {

    public static final String NAME = "authorization-server";

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The issuer as clinic-local starts it beside the services in one JVM: its own config file
     * ({@code authorization-server.yml}) and an explicit servlet stack, since the shared classpath may hold others.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuthorizationServerApplication.class)
                .properties("spring.config.name=" + NAME)
                .web(WebApplicationType.SERVLET);
    }
}
