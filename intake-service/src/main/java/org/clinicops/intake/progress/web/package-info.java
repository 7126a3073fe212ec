/** The progress measures over HTTP. */
package org.clinicops.intake.progress.web;
