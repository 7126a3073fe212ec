package org.clinicops.support.security;

import org.springframework.http.HttpMethod;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.clinicops.support.security.AccessMatrix.Audit.CONFIG;
import static org.clinicops.support.security.AccessMatrix.Audit.NONE;
import static org.clinicops.support.security.AccessMatrix.Audit.READ;
import static org.clinicops.support.security.AccessMatrix.Audit.WRITE;
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
 * to every token. Each service enforces its own rows; the gateway passes them on with any valid token, so that the
 * service answers the 403 and records it in the audit trail, and enforces its own. These are the function-level
 * checks, decided from the token and the route alone; whether a partner's object is its own is the service's check.
 * Each row also says what a request to it writes to the audit trail.
 */
public final class AccessMatrix {

    /** The application that serves a route; {@code EACH_SERVICE} every service alike, never through the gateway. */
    public enum Service { INTAKE, SESSION, NOTIFICATION, AUDIT, GATEWAY, EACH_SERVICE }

    /**
     * What a request to a route writes to the audit trail (docs/access.md): a patient read, a patient write, a
     * configuration or operations change (a record naming no patient), or nothing.
     */
    public enum Audit { READ, WRITE, CONFIG, NONE }

    /** One route (a path pattern of the controllers' syntax), what it writes to the audit trail, the roles allowed it. */
    public record Route(Service service, HttpMethod method, String path, Audit audit, Set<Role> allowed) {

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
            route(Service.INTAKE, HttpMethod.POST, "/api/patients", WRITE, INTAKE_COORDINATOR, CLINICIAN, PRESCRIBER),
            route(Service.INTAKE, HttpMethod.GET, "/api/patients/{patientId}", READ, CARE_TEAM),
            route(Service.INTAKE, HttpMethod.POST, "/api/patients/{patientId}/screenings", WRITE,
                    INTAKE_COORDINATOR, CLINICIAN, PRESCRIBER),
            route(Service.INTAKE, HttpMethod.GET, "/api/patients/{patientId}/screenings", READ, CARE_TEAM),
            route(Service.INTAKE, HttpMethod.GET, "/api/screenings/{screeningId}", READ, CARE_TEAM),
            route(Service.INTAKE, HttpMethod.GET, "/api/screenings", READ, INTAKE_COORDINATOR, CLINICIAN, PRESCRIBER),
            route(Service.INTAKE, HttpMethod.POST, "/api/screenings/{screeningId}/review", WRITE, CLINICIANS),
            route(Service.INTAKE, HttpMethod.GET, "/api/patients/{patientId}/progress-measures", READ, CARE_TEAM),
            route(Service.INTAKE, HttpMethod.POST, "/api/patients/{patientId}/progress-measures", WRITE, CARE_TEAM),
            route(Service.INTAKE, HttpMethod.GET, "/api/partner/patients/{patientId}", READ, PARTNER),
            route(Service.INTAKE, HttpMethod.GET, "/internal/patients/{patientId}/contact", READ, NOTIFICATION_SERVICE),
            // session-service: treatment plans, scheduling, the session day
            route(Service.SESSION, HttpMethod.GET, "/api/patients/{patientId}/treatment-plan", READ, CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/patients/{patientId}/treatment-plan/protocol", WRITE,
                    PRESCRIBER),
            route(Service.SESSION, HttpMethod.POST,
                    "/api/patients/{patientId}/treatment-plan/esketamine-enrollment", WRITE, PRESCRIBER),
            route(Service.SESSION, HttpMethod.POST, "/api/patients/{patientId}/treatment-plan/maintenance", WRITE,
                    PRESCRIBER),
            route(Service.SESSION, HttpMethod.POST, "/api/patients/{patientId}/treatment-plan/review", WRITE,
                    CLINICIANS),
            route(Service.SESSION, HttpMethod.POST, "/api/patients/{patientId}/treatment-plan/close", WRITE,
                    CLINICIANS),
            route(Service.SESSION, HttpMethod.GET, "/api/treatment-plans", READ, CARE_TEAM),
            route(Service.SESSION, HttpMethod.GET, "/api/sessions", READ, CARE_TEAM),
            route(Service.SESSION, HttpMethod.GET, "/api/sessions/monitoring-forms", READ, CHAIRSIDE),
            route(Service.SESSION, HttpMethod.GET, "/api/sessions/{sessionId}", READ, CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/reschedule", WRITE, CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/check-in", WRITE, CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/vitals", WRITE, CHAIRSIDE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/effects", WRITE, CHAIRSIDE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/dose-order", WRITE, PRESCRIBER),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/dose-start", WRITE, GIVES_DOSE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/dose-end", WRITE, GIVES_DOSE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/discharge", WRITE, CHAIRSIDE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/defer", WRITE, CHAIRSIDE),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/cancel", WRITE, CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/no-show", WRITE, CARE_TEAM),
            route(Service.SESSION, HttpMethod.POST, "/api/sessions/{sessionId}/monitoring-form", WRITE, CHAIRSIDE),
            // notification-service: patients' messages, crisis alerts, the partner API
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/patients/{patientId}/notifications", READ, CARE_TEAM),
            route(Service.NOTIFICATION, HttpMethod.POST, "/api/notifications/{notificationId}/retry", WRITE, CARE_TEAM),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/alerts", READ, CARE_TEAM),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/alerts/{alertId}", READ, CARE_TEAM),
            route(Service.NOTIFICATION, HttpMethod.POST, "/api/alerts/{alertId}/ack", WRITE, CLINICIANS),
            route(Service.NOTIFICATION, HttpMethod.POST, "/api/partner/subscriptions", CONFIG, PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/subscriptions", NONE, PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/subscriptions/{subscriptionId}", NONE, PARTNER),
            route(Service.NOTIFICATION, HttpMethod.DELETE, "/api/partner/subscriptions/{subscriptionId}", CONFIG,
                    PARTNER),
            route(Service.NOTIFICATION, HttpMethod.POST,
                    "/api/partner/subscriptions/{subscriptionId}/secret/rotate", CONFIG, PARTNER),
            route(Service.NOTIFICATION, HttpMethod.POST, "/api/partner/subscriptions/{subscriptionId}/enable", CONFIG,
                    PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/subscriptions/{subscriptionId}/deliveries", READ,
                    PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET,
                    "/api/partner/subscriptions/{subscriptionId}/deliveries/{deliveryId}", READ, PARTNER),
            route(Service.NOTIFICATION, HttpMethod.POST,
                    "/api/partner/subscriptions/{subscriptionId}/deliveries/{deliveryId}/redeliver", WRITE, PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/events", READ, PARTNER),
            route(Service.NOTIFICATION, HttpMethod.GET, "/api/partner/event-types", NONE, PARTNER),
            // the audit trail: for the privacy officer; its integrity report has no health data, so ops may run it
            route(Service.AUDIT, HttpMethod.GET, "/api/audit", READ, CLINIC_ADMIN),
            route(Service.AUDIT, HttpMethod.GET, "/api/audit/verify", NONE, CLINIC_ADMIN, OPS),
            // the gateway's own: the demo clinic day's clock, in demo mode only; a trainer's tool, not audited
            route(Service.GATEWAY, HttpMethod.GET, "/api/demo/clock", NONE, STAFF),
            route(Service.GATEWAY, HttpMethod.POST, "/api/demo/clock", NONE, STAFF));

    /**
     * Every service's replay of its dead letters, an operations change for the trail. {@link ClinicSecurity} guards
     * the actuator's routes itself; this row is here for what the replay writes to the trail.
     */
    public static final Route DEAD_LETTER_REPLAY = route(Service.EACH_SERVICE, HttpMethod.POST,
            "/actuator/deadletters", CONFIG, OPS);

    private AccessMatrix() {
    }

    /** Every row, for the check that they say what {@code docs/access-matrix.json} says. */
    public static List<Route> all() {
        return ROUTES;
    }

    /** The rows {@code service} enforces itself. */
    public static List<Route> servedBy(Service service) {
        return ROUTES.stream().filter(route -> route.service() == service).toList();
    }

    /** The rows the gateway routes: every route it passes on (never the internal ones), and its own. */
    public static List<Route> routedByGateway() {
        return ROUTES.stream().filter(route -> !route.internal()).toList();
    }

    private static Route route(Service service, HttpMethod method, String path, Audit audit, Role... allowed) {
        return new Route(service, method, path, audit, Set.copyOf(EnumSet.of(allowed[0], allowed)));
    }
}
