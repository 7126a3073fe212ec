package org.clinicops.support.security;

import org.springframework.http.HttpMethod;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.clinicops.support.security.Role.CLINICIAN;
import static org.clinicops.support.security.Role.CLINIC_ADMIN;
import static org.clinicops.support.security.Role.INTAKE_COORDINATOR;
import static org.clinicops.support.security.Role.NOTIFICATION_SERVICE;
import static org.clinicops.support.security.Role.NURSE;
import static org.clinicops.support.security.Role.OPS;
import static org.clinicops.support.security.Role.PARTNER;
import static org.clinicops.support.security.Role.PRESCRIBER;

/**
 * Who may call which route: the access matrix of docs/access.md (its data, {@code docs/access-matrix.json}, is what
 * the authorization tests hold every running service to). Deny by default: a route without a row here answers 403
 * to every token. Each service enforces its own rows, the gateway all those it routes. These are the function-level
 * checks, decided from the token and the route alone; whether a partner's object is its own is the service's check.
 */
public final class AccessMatrix {

    /** The application that serves a route. */
    public enum Service { INTAKE, SESSION, NOTIFICATION, AUDIT, GATEWAY }

    /** One route (a path pattern of the controllers' syntax) and the roles allowed it. */
    public record Route(Service service, HttpMethod method, String path, Set<Role> allowed) {

        /** Served to one service by another, never through the gateway. */
        boolean internal() {
            return path.startsWith("/internal/");
        }
    }

    /** The care team reads a patient's whole clinical record (minimum necessary: not admins, ops or partners). */
    private static final Role[] CARE_TEAM = {INTAKE_COORDINATOR, NURSE, CLINICIAN, PRESCRIBER};
    /** The clinic's people at the chair: check-in aside, session steps are theirs. */
    private static final Role[] CHAIRSIDE = {NURSE, CLINICIAN, PRESCRIBER};
    /** Clinical decisions: reviews, crisis acknowledgements, continuing or closing a course. */
    private static final Role[] CLINICIANS = {CLINICIAN, PRESCRIBER};
    /** Every staff role, clinical or not: the demo clock is a trainer's tool, not health data. */
    private static final Role[] STAFF = {INTAKE_COORDINATOR, NURSE, CLINICIAN, PRESCRIBER, CLINIC_ADMIN, OPS};
    /** Giving the dose: a nurse's or a prescriber's, never a clinician's who does not prescribe. */
    private static final Role[] GIVES_DOSE = {NURSE, PRESCRIBER};

    private static final List<Route> ROUTES = List.of(
            // intake-service: referrals, screenings, reviews, progress measures, partner status, the contact look-up
            route(Service.INTAKE, HttpMethod.POST, "/api/patients", INTAKE_COORDINATOR, CLINICIAN, PRESCRIBER),
            route(Service.INTAKE, HttpMethod.GET, "/api/patients/{patientId}", CARE_TEAM),
            route(Service.INTAKE, HttpMethod.POST, "/api/patients/{patientId}/screenings",
                    INTAKE_COORDINATOR, CLINICIAN, PRESCRIBER),
            route(Service.INTAKE, HttpMethod.GET, "/api/patients/{patientId}/screenings", CARE_TEAM),
            route(Service.INTAKE, HttpMethod.GET, "/api/screenings/{screeningId}", CARE_TEAM),
            route(Service.INTAKE, HttpMethod.GET, "/api/screenings", INTAKE_COORDINATOR, CLINICIAN, PRESCRIBER),
            route(Service.INTAKE, HttpMethod.POST, "/api/screenings/{screeningId}/review", CLINICIANS),
            route(Service.INTAKE, HttpMethod.GET, "/api/patients/{patientId}/progress-measures", CARE_TEAM),
            route(Service.INTAKE, HttpMethod.POST, "/api/patients/{patientId}/progress-measures", CARE_TEAM),
            route(Service.INTAKE, HttpMethod.GET, "/api/partner/patients/{patientId}", PARTNER),
            route(Service.INTAKE, HttpMethod.GET, "/internal/patients/{patientId}/contact", NOTIFICATION_SERVICE),
            // session-service: treatment plans, scheduling, the session day
            route(Service.SESSION, HttpMethod.GET, "/api/patients/{patientId}/treatment-plan", CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/patients/{patientId}/treatment-plan/protocol", PRESCRIBER),
            route(Service.SESSION, HttpMethod.POST, "/api/patients/{patientId}/treatment-plan/esketamine-enrollment",
                    PRESCRIBER),
            route(Service.SESSION, HttpMethod.POST, "/api/patients/{patientId}/treatment-plan/maintenance", PRESCRIBER),
            route(Service.SESSION, HttpMethod.POST, "/api/patients/{patientId}/treatment-plan/review", CLINICIANS),
            route(Service.SESSION, HttpMethod.POST, "/api/patients/{patientId}/treatment-plan/close", CLINICIANS),
            route(Service.SESSION, HttpMethod.GET, "/api/treatment-plans", CARE_TEAM),
            route(Service.SESSION, HttpMethod.GET, "/api/sessions", CARE_TEAM),
            route(Service.SESSION, HttpMethod.GET, "/api/sessions/monitoring-forms", CHAIRSIDE),
            route(Service.SESSION, HttpMethod.GET, "/api/sessions/{sessionId}", CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/reschedule", CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/check-in", CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/vitals", CHAIRSIDE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/effects", CHAIRSIDE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/dose-order", PRESCRIBER),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/dose-start", GIVES_DOSE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/dose-end", GIVES_DOSE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/discharge", CHAIRSIDE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/defer", CHAIRSIDE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/cancel", CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/no-show", CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/monitoring-form", CHAIRSIDE),
            // notification-service: patients' messages, crisis alerts, the partner API
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/patients/{patientId}/notifications", CARE_TEAM),
            route(Service.NOTIFICATION, HttpMethod.POST, "/api/notifications/{notificationId}/retry", CARE_TEAM),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/alerts", CARE_TEAM),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/alerts/{alertId}", CARE_TEAM),
            route(Service.NOTIFICATION, HttpMethod.POST, "/api/alerts/{alertId}/ack", CLINICIANS),
            route(Service.NOTIFICATION, HttpMethod.POST, "/api/partner/subscriptions", PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/subscriptions", PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/subscriptions/{subscriptionId}", PARTNER),
            route(Service.NOTIFICATION, HttpMethod.DELETE, "/api/partner/subscriptions/{subscriptionId}", PARTNER),
            route(Service.NOTIFICATION, HttpMethod.POST, "/api/partner/subscriptions/{subscriptionId}/secret/rotate",
                    PARTNER),
            route(Service.NOTIFICATION, HttpMethod.POST, "/api/partner/subscriptions/{subscriptionId}/enable", PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/subscriptions/{subscriptionId}/deliveries",
                    PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET,
                    "/api/partner/subscriptions/{subscriptionId}/deliveries/{deliveryId}", PARTNER),
            route(Service.NOTIFICATION, HttpMethod.POST,
                    "/api/partner/subscriptions/{subscriptionId}/deliveries/{deliveryId}/redeliver", PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/events", PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/event-types", PARTNER),
            // the audit trail: for the privacy officer; its integrity report has no health data, so ops may run it
            route(Service.AUDIT, HttpMethod.GET, "/api/audit", CLINIC_ADMIN),
            route(Service.AUDIT, HttpMethod.GET, "/api/audit/verify", CLINIC_ADMIN, OPS),
            // the gateway's own: the demo clinic day's clock, in demo mode only
            route(Service.GATEWAY, HttpMethod.GET, "/api/demo/clock", STAFF),
            route(Service.GATEWAY, HttpMethod.POST, "/api/demo/clock", STAFF));

    private AccessMatrix() {
    }

    /** The rows {@code service} enforces itself. */
    public static List<Route> servedBy(Service service) {
        return ROUTES.stream().filter(route -> route.service() == service).toList();
    }

    /** The rows the gateway enforces: every route it passes on (never the internal ones), and its own. */
    public static List<Route> routedByGateway() {
        return ROUTES.stream().filter(route -> !route.internal()).toList();
    }

    private static Route route(Service service, HttpMethod method, String path, Role... allowed) {
        return new Route(service, method, path, Set.copyOf(EnumSet.of(allowed[0], allowed)));
    }
}
