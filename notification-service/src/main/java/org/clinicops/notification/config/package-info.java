/** The service's settings ({@code notification.*}) and the Resilience4j registries guarding its outside calls. */
package org.clinicops.notification.config;
