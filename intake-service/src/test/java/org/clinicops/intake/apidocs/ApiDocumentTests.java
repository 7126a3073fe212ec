package org.clinicops.intake.apidocs;

import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.support.testing.ApiDocumentContract;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** intake-service's OpenAPI document, over real HTTP as a clinic's tool fetches it. */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        now = Examples.NOW)
class ApiDocumentTests extends ApiDocumentContract {

    @LocalServerPort
    int port;

    @Override
    protected String service() {
        return "intake-service";
    }

    @Override
    protected String get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .header("Authorization", TestTokens.partner("riverside-psychiatry").bearer()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
