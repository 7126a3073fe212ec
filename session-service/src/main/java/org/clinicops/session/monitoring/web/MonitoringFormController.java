package org.clinicops.session.monitoring.web;

import org.clinicops.session.monitoring.MonitoringForm;
import org.clinicops.session.monitoring.MonitoringFormSubmissions;
import org.clinicops.session.monitoring.MonitoringForms;
import org.clinicops.support.apidocs.DocumentedBody;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.security.Caller;
import org.clinicops.support.web.BadParameterException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Esketamine's monitoring forms. Both paths are literal where the session API has variables
 * ({@code /api/sessions/{sessionId}}, {@code /api/sessions/{sessionId}/{action}}), so they win over those mappings.
 */
@RestController
class MonitoringFormController {

    private static final String DUE = "DUE";

    private final MonitoringForms forms;
    private final MonitoringFormSubmissions submissions;

    MonitoringFormController(MonitoringForms forms, MonitoringFormSubmissions submissions) {
        this.forms = forms;
        this.submissions = submissions;
    }

    /** The forms due, the longest due first. */
    @GetMapping("/api/sessions/monitoring-forms")
    List<MonitoringForm> forms(@RequestParam("status") String status) {
        if (!DUE.equals(status)) {
            throw new BadParameterException("status", "must be " + DUE);
        }
        return forms.allDue();
    }

    @PostMapping("/api/sessions/{sessionId}/monitoring-form")
    MonitoringForm submit(@PathVariable("sessionId") UUID sessionId,
                          @DocumentedBody("MonitoringFormSubmission")
                          @RequestBody(required = false) byte[] body,
                          @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                          Authentication caller) {
        return submissions.submit(sessionId, body, key, Caller.of(caller).id());
    }
}
