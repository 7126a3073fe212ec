package org.clinicops.notification.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.Channel;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.springframework.boot.mustache.autoconfigure.MustacheResourceTemplateLoader;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

import java.io.Reader;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The message templates under {@code notification.templates.location}, one per kind and channel: {@code
 * email/<kind>.mustache} for every kind, each starting with a {@code Subject: } line and a blank line before the
 * plain-text body, and {@code sms/<kind>.mustache} for every patient kind, a short text; partials
 * ({@code {{> partials/…}}}) come from the same location. All are compiled at startup, and a tag without a value fails the rendering instead of
 * leaving a gap in a patient's message. Every template also sees {@code clinicName}, {@code crisisLine} and the
 * recipient's {@code firstName} ("" for staff).
 */
@Component
public class MailTemplates {

    private static final String SUBJECT = "Subject: ";

    private final Map<NotificationKind, Template> emails = new EnumMap<>(NotificationKind.class);
    private final Map<NotificationKind, Template> texts = new EnumMap<>(NotificationKind.class);
    private final NotificationProperties properties;

    public MailTemplates(NotificationProperties properties) {
        this.properties = properties;
        MustacheResourceTemplateLoader loader =
                new MustacheResourceTemplateLoader(properties.templates().location(), ".mustache");
        loader.setResourceLoader(new DefaultResourceLoader());
        // plain text: no HTML escaping; a missing value or section is an error, never an empty gap
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).strictSections(true)
                .emptyStringIsFalse(true).withLoader(loader);
        for (NotificationKind kind : NotificationKind.values()) {
            emails.put(kind, compile(compiler, loader, kind, Channel.EMAIL));
            if (hasText(kind)) {
                texts.put(kind, compile(compiler, loader, kind, Channel.SMS));
            }
        }
    }

    /** Patients may be texted; staff messages go by e-mail only. */
    public static boolean hasText(NotificationKind kind) {
        return kind.audience() == NotificationKind.Audience.PATIENT;
    }

    private Template compile(Mustache.Compiler compiler, MustacheResourceTemplateLoader loader,
                             NotificationKind kind, Channel channel) {
        String name = name(kind, channel);
        try (Reader source = loader.getTemplate(name)) {
            return compiler.compile(source);
        } catch (Exception e) {
            throw new IllegalStateException("Message template " + properties.templates().location() + name
                    + ".mustache cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code email/booking-confirmation}: the template's name under the location, without its suffix. */
    public static String name(NotificationKind kind, Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT) + "/" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Writes the e-mail of {@code kind} for {@code recipient} from its template and {@code values}. */
    public EmailMessage render(NotificationKind kind, Recipient recipient, Map<String, ?> values) {
        String text = emails.get(kind).execute(context(recipient, values));
        int endOfSubject = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || endOfSubject < 0 || !text.startsWith("\n", endOfSubject + 1)) {
            throw new IllegalStateException("Message template " + name(kind, Channel.EMAIL)
                    + " must start with a 'Subject: ' line and a blank line");
        }
        return new EmailMessage(text.substring(SUBJECT.length(), endOfSubject).strip(),
                text.substring(endOfSubject + 2));
    }

    /** Writes the text of {@code kind} for {@code recipient}: one paragraph, its line breaks kept, nothing around. */
    public String renderText(NotificationKind kind, Recipient recipient, Map<String, ?> values) {
        Template template = texts.get(kind);
        if (template == null) {
            throw new IllegalArgumentException(kind + " is not sent as a text");
        }
        return template.execute(context(recipient, values)).strip();
    }

    private Map<String, Object> context(Recipient recipient, Map<String, ?> values) {
        Map<String, Object> context = new HashMap<>(values);
        context.put("clinicName", properties.clinicName());
        context.put("crisisLine", properties.crisisLine());
        context.put("firstName", recipient.firstName() == null ? "" : recipient.firstName().strip());
        return context;
    }
}
