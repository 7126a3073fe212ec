package org.clinicops.notification.partner;

import org.clinicops.events.EventType;
import org.clinicops.events.PartnerStatus;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.messaging.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Takes in the source events of the partner stream from {@code clinic.screenings} and {@code clinic.sessions},
 * bound as {@code partnerStream-in-0} in a consumer group of its own: waiting on intake-service for a partner's
 * attribution never holds up a crisis page or a patient's message. Only what a partner may learn is kept.
 */
@Configuration(proxyBeanMethods = false)
class PartnerEventConsumers {

    static final String CONSUMER = "partnerStream";

    @Bean(CONSUMER)
    Consumer<Message<byte[]>> partnerStream(CloudEventReader reader, PartnerSourceEvents sources,
                                            NotificationProperties settings) {
        return message -> {
            IncomingEvent event = reader.read(message);
            event.ifType(EventType.SCREENING_COMPLETED, e -> sources.receive(e.eventId(),
                    PartnerEventType.PATIENT_STATUS_CHANGED, e.patientId(), e.occurredAt(),
                    Map.of("status", PartnerStatus.of(e.outcome()).name())));
            event.ifType(EventType.SCREENING_REVIEWED, e -> sources.receive(e.eventId(),
                    PartnerEventType.PATIENT_STATUS_CHANGED, e.patientId(), e.occurredAt(),
                    Map.of("status", PartnerStatus.of(e.decision()).name())));
            event.ifType(EventType.TREATMENT_PLAN_BOOKED, e -> sources.receive(e.eventId(),
                    PartnerEventType.INDUCTION_BOOKED, e.patientId(), e.occurredAt(),
                    Map.of("sessionCount", e.sessions().size(),
                            "firstSessionDate", firstSessionDate(e, settings).toString())));
            event.ifType(EventType.TREATMENT_PLAN_WAITING_FOR_CAPACITY, e -> sources.receive(e.eventId(),
                    PartnerEventType.INDUCTION_WAITING_FOR_CAPACITY, e.patientId(), e.occurredAt(), Map.of()));
            event.ifType(EventType.SESSION_DISCHARGED, e -> sources.receive(e.eventId(),
                    PartnerEventType.SESSION_COMPLETED, e.patientId(), e.occurredAt(),
                    Map.of("completedCount", sources.completeSession(e.planId(), e.sessionId()))));
        };
    }

    /** The first session's date in the clinic's time zone; times and chairs stay here. */
    private static LocalDate firstSessionDate(TreatmentPlanBooked booked, NotificationProperties settings) {
        return booked.sessions().stream().map(TreatmentPlanBooked.BookedSession::start)
                .min(Comparator.naturalOrder()).orElse(booked.occurredAt())
                .atZone(settings.clinicZone()).toLocalDate();
    }
}
