package org.clinicops.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LocalSmsTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTextPostedToTheProviderApiIsCaughtAndLoggedWithItsRecipient(CapturedOutput output) throws Exception {
        try (LocalSms sms = LocalSms.start(0)) {
            HttpResponse<String> response = post(sms, "key-1", """
                    { "to": "+15035550142", "body": "Clinic: Dana, your appointments are booked." }
                    """);

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(sms.texts()).containsExactly(
                    new LocalSms.Text("+15035550142", "Clinic: Dana, your appointments are booked."));
            assertThat(output.getOut())
                    .contains("Text caught for +15035550142: \"Clinic: Dana, your appointments are booked.\"");
        }
    }

    @Test
    void aTextSentAgainWithTheSameIdempotencyKeyIsCaughtOnce() throws Exception {
        try (LocalSms sms = LocalSms.start(0)) {
            String text = "{ \"to\": \"+15035550142\", \"body\": \"Reminder\" }";

            assertThat(post(sms, "key-1", text).statusCode()).isEqualTo(202);
            assertThat(post(sms, "key-1", text).statusCode()).isEqualTo(202);
            assertThat(post(sms, "key-2", text).statusCode()).isEqualTo(202);

            assertThat(sms.texts()).hasSize(2);
        }
    }

    @Test
    void aBodyWithoutRecipientOrTextIsRefusedAndNothingIsCaught() throws Exception {
        try (LocalSms sms = LocalSms.start(0)) {
            assertThat(post(sms, "key-1", "{ \"to\": \"+15035550142\" }").statusCode()).isEqualTo(400);
            assertThat(post(sms, "key-2", "not json").statusCode()).isEqualTo(400);

            assertThat(sms.texts()).isEmpty();
        }
    }

    private HttpResponse<String> post(LocalSms sms, String idempotencyKey, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sms.baseUrl() + "/messages"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
