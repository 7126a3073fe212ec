/** intake-service's own request plumbing: the 403 problem. */
package org.clinicops.intake.request;
