/** The single front door: routes the public API to the service that owns each path and tags every request with a correlation id. */
package org.clinicops.gateway;
