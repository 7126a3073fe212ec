package org.clinicops.events;

/** What a request audited did: {@code READ} a GET, {@code CREATE} a POST that creates, {@code UPDATE} any other
 * POST, PUT or PATCH, {@code DELETE} a DELETE. */
public enum AuditAction {
    READ, CREATE, UPDATE, DELETE
}
