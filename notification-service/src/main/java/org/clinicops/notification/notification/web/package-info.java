/**
 * {@code GET /api/patients/{patientId}/notifications}: what was sent to or about a patient, on which channel and
 * where each stands, without message bodies; {@code POST /api/notifications/{notificationId}/retry} for a FAILED one.
 */
package org.clinicops.notification.notification.web;
