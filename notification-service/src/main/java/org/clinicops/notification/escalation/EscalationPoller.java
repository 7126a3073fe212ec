package org.clinicops.notification.escalation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Every {@code notification.escalation.poll-interval}, stores the pages that have come due on the service's clock. */
@Component
class EscalationPoller implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EscalationPoller.class);
    /** A round ends after this many alerts, so the scheduler thread is never held for long. */
    private static final int MAX_PER_ROUND = 100;

    private final Escalations escalations;
    private final EscalationProperties properties;

    EscalationPoller(Escalations escalations, EscalationProperties properties) {
        this.escalations = escalations;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::pageDue, properties.pollInterval());
    }

    private void pageDue() {
        try {
            int paged = 0;
            while (paged < MAX_PER_ROUND && escalations.pageNextDue()) {
                paged++;
            }
        } catch (RuntimeException e) {
            // The database failed: nothing was recorded, the page is still due next round.
            log.warn("Escalation round stopped; due pages are stored next round: {}", e.toString());
        }
    }
}
