package org.clinicops.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers every service gives for the same mistake, as a web slice without database or Kafka: the services'
 * controllers only throw, and {@link ApiProblems} alone writes the problem bodies.
 */
@WebMvcTest(ApiProblemsWebMvcTests.PatientsForTest.class)
@Import({ApiProblems.class, ApiProblemsWebMvcTests.PatientsForTest.class})
class ApiProblemsWebMvcTests {

    @RestController
    static class PatientsForTest {

        @GetMapping("/api/patients/{patientId}")
        Map<String, Object> patient(@PathVariable UUID patientId) {
            throw new NotFoundException("No patient " + patientId);
        }

        @GetMapping("/api/sessions")
        Map<String, Object> day(@RequestParam LocalDate date) {
            return Map.of("date", date);
        }

        @PostMapping("/api/patients")
        Map<String, Object> register(@RequestBody Map<String, Object> body) {
            if (body.containsKey("boom")) {
                throw new IllegalStateException("secret internals: select * from patient");
            }
            throw new InvalidRequestException("firstName", "must not be blank");
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void aMalformedIdInThePathIs400NamingTheParameter() {
        assertThat(mvc.get().uri("/api/patients/not-a-uuid")).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"status": 400, "title": "Bad request",
                         "errors": [{"field": "patientId", "message": "not a valid value"}]}""");
    }

    @Test
    void aWellFormedUnknownIdIs404() {
        assertThat(mvc.get().uri("/api/patients/{id}", UUID.randomUUID())).hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").isEqualTo("Not found");
    }

    @Test
    void aBadOrMissingQueryParameterIs400NamingTheParameter() {
        assertThat(mvc.get().uri("/api/sessions?date=soon")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("date");
        assertThat(mvc.get().uri("/api/sessions")).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"status": 400, "title": "Bad request", "errors": [{"field": "date", "message": "required"}]}""");
    }

    @Test
    void anInvalidFieldIs422ListingIt() {
        assertThat(mvc.post().uri("/api/patients").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(422)
                .bodyJson().isLenientlyEqualTo("""
                        {"status": 422, "errors": [{"field": "firstName", "message": "must not be blank"}]}""");
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        assertThat(mvc.post().uri("/api/patients").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").isEqualTo("Unreadable request body");
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsInternals() {
        assertThat(mvc.post().uri("/api/patients").contentType(MediaType.APPLICATION_JSON).content("{\"boom\": 1}"))
                .hasStatus(500).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText().doesNotContain("secret").doesNotContain("select").doesNotContain("IllegalStateException");
    }
}
