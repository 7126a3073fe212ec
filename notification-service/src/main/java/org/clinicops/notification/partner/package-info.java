/**
 * Partner clinics: the clinics that refer patients follow them through a PHI-free status stream, as signed webhooks
 * and a catch-up API, under {@code /api/partner/**} with their own access tokens.
 */
package org.clinicops.notification.partner;
