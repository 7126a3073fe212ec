package org.clinicops.local;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class LocalMailTests {

    @Test
    void aMailSentOverSmtpToAnyAddressIsCaughtAndLoggedWithRecipientAndSubjectOnly(CapturedOutput output)
            throws Exception {
        try (LocalMail mail = LocalMail.start(0)) {
            assertThat(mail.port()).isPositive();

            Properties props = new Properties();
            props.put("mail.smtp.host", mail.host());
            props.put("mail.smtp.port", Integer.toString(mail.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("clinic@clinic-ops.local"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("anyone@example.org"));
            message.setSubject("Your session is confirmed");
            message.setText("Private details that must not be logged");
            Transport.send(message);

            await().atMost(Duration.ofSeconds(5)).until(() -> mail.receivedMessages().size() == 1);
            MimeMessage received = mail.receivedMessages().getFirst();
            assertThat(received.getSubject()).isEqualTo("Your session is confirmed");
            assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("anyone@example.org");

            assertThat(output.getOut())
                    .contains("Mail caught for anyone@example.org: \"Your session is confirmed\"")
                    .doesNotContain("Private details");
        }
    }
}
