/** The partner API, {@code /api/partner/**}: subscriptions, their deliveries, catch-up and the event catalogue. */
package org.clinicops.notification.partner.web;
