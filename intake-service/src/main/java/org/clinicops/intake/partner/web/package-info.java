/** {@code GET /api/partner/patients/{patientId}}: a referred patient's status, for the partner that referred them. */
package org.clinicops.intake.partner.web;
