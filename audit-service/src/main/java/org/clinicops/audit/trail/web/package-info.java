/** {@code GET /api/audit}: the trail by patient or by actor, paged. */
package org.clinicops.audit.trail.web;
