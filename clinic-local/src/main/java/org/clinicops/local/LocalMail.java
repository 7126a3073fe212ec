package org.clinicops.local;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local SMTP catcher (GreenMail) on 127.0.0.1:3025 by default. It accepts every message for every recipient
 * without authentication, keeps it in memory and logs one line per delivered message: recipient and subject only,
 * never the body.
 */
public final class LocalMail implements AutoCloseable {

    public static final int DEFAULT_PORT = 3025;
    public static final String HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(LocalMail.class);

    private final GreenMail greenMail;

    private LocalMail(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts the SMTP catcher on 127.0.0.1:3025. */
    public static LocalMail start() {
        return start(DEFAULT_PORT);
    }

    /** Starts the SMTP catcher on 127.0.0.1:{@code port} (0 = any free port, see {@link #port()}). */
    public static LocalMail start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("Could not start the local SMTP catcher on " + HOST + ":" + port
                    + " (is the port in use?): " + e.getMessage(), e);
        }
        // GreenMail calls the delivery handler once per recipient of every accepted message; its default handler
        // creates a mailbox for any unknown address, which is what makes it accept any mail.
        MessageDeliveryHandler accepting = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            log.info("Mail caught for {}: \"{}\"", recipient.getEmail(), subjectOf(message.getMessage()));
            return accepting.handle(message, recipient);
        });
        LocalMail mail = new LocalMail(greenMail);
        log.info("SMTP catcher is up on {}:{}", HOST, mail.port());
        return mail;
    }

    private static String subjectOf(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }

    /** The SMTP host to send to. */
    public String host() {
        return HOST;
    }

    /** The SMTP port (the real one when started with port 0). */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received so far (one copy per recipient), oldest first. */
    public List<MimeMessage> receivedMessages() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    @Override
    public String toString() {
        return "LocalMail[smtp://" + HOST + ":" + port() + "]";
    }
}
