package org.clinicops.support.testing;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

/**
 * A service test's MockMvc requests carry the care team's token ({@link TestTokens#careTeam()}, signed afresh for
 * each request, so a long-lived shared service never sees it expire) unless the test sends its own, or none
 * ({@link #withoutToken()}). Registered for every service test by {@link ClinicTestContextCustomizerFactory}.
 */
public final class DefaultTestToken implements MockMvcBuilderCustomizer {

    @Override
    public void customize(ConfigurableMockMvcBuilder<?> builder) {
        builder.defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                request.addHeader(HttpHeaders.AUTHORIZATION, TestTokens.careTeam().bearer());
            }
            return request;
        }));
    }

    /** A request with no {@code Authorization} header at all, as an anonymous caller sends it. */
    public static RequestPostProcessor withoutToken() {
        return request -> {
            // runs after the default's, which has added the care team's token
            request.removeHeader(HttpHeaders.AUTHORIZATION);
            return request;
        };
    }
}
