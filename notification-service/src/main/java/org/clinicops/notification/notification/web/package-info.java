/** {@code GET /api/patients/{patientId}/notifications}: what was sent to or about a patient, without message bodies. */
package org.clinicops.notification.notification.web;
