package org.clinicops.gateway;

import org.clinicops.support.security.ClinicSecurity;
import org.clinicops.support.security.ServedRoutes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.StringUtils;

@SpringBootApplication
@Import(ClinicSecurity.class)
public class GatewayApplication {

    /**
     * The whole access matrix, before a request costs a service anything (each service checks its rows again). The
     * demo clock exists in demo mode only ({@link DemoClockController}).
     */
    @Bean
    ServedRoutes servedRoutes(@Value("${clinic.clock.start:}") String demoClockStart) {
        return ServedRoutes.ofGateway(StringUtils.hasText(demoClockStart));
    }

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The gateway as clinic-local starts it beside the services in one JVM: its own config file ({@code gateway.yml})
     * and an explicit servlet stack, since the shared classpath may hold other web stacks too.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=gateway")
                .web(WebApplicationType.SERVLET);
    }
}
