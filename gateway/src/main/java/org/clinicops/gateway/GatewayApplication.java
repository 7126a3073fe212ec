package org.clinicops.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class GatewayApplication {

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
