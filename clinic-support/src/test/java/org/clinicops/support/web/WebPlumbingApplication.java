package org.clinicops.support.web;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service with nothing but clinic-support's HTTP plumbing on a real Tomcat, and one endpoint that counts the
 * bodies it was handed: what every service and the gateway get from clinic-support, without database or Kafka. No
 * {@code @Configuration}: the module's other tests would scan it, or take it for their application.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, ClinicWebAutoConfiguration.class})
@Import({ApiProblems.class, WebPlumbingApplication.Screenings.class})
class WebPlumbingApplication {

    @RestController
    static class Screenings {

        final AtomicInteger bodiesRead = new AtomicInteger();

        @PostMapping(path = "/api/screenings", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> record(@RequestBody byte[] body) {
            bodiesRead.incrementAndGet();
            return Map.of("bytes", body.length);
        }

        @PostMapping(path = "/api/referrals", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> register(@RequestBody Map<String, Object> patient) {
            return patient;
        }

        @GetMapping("/api/screenings")
        Map<String, Object> queue() {
            return Map.of("screenings", 0);
        }

        @GetMapping("/api/broken")
        Map<String, Object> broken() {
            throw new IllegalStateException("secret internals: select * from patient");
        }
    }
}
