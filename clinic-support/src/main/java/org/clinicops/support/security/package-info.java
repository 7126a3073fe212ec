/**
 * Who may call what: every application is an OAuth2 resource server enforcing its rows of the access matrix
 * ({@link org.clinicops.support.security.AccessMatrix}), deny by default, the roles and the partner clinic taken from
 * the validated token alone. An application imports {@link org.clinicops.support.security.ClinicSecurity} and
 * declares the {@link org.clinicops.support.security.ServedRoutes} it enforces.
 */
package org.clinicops.support.security;
