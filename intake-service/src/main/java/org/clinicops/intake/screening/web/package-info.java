/** The screening REST API. */
package org.clinicops.intake.screening.web;
