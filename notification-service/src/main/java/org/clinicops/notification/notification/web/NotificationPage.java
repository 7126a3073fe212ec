package org.clinicops.notification.notification.web;

import java.util.List;

/**
 * One page of a patient's notifications, newest first.
 *
 * @param next the cursor of the next page ({@code ?next=}); null on the last
 */
public record NotificationPage(List<NotificationResponse> notifications, String next) {
}
