/** intake-service's own request plumbing: the body size limit and the 403 problem. */
package org.clinicops.intake.request;
