/** {@code GET /api/audit/verify}. */
package org.clinicops.audit.verification.web;
