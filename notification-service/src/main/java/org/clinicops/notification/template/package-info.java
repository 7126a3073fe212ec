/**
 * Message wording as Mustache templates, one per kind and channel, with the passages several messages share
 * (preparation, the crisis line) written once as partials; read from {@code notification.templates.location}.
 */
package org.clinicops.notification.template;
