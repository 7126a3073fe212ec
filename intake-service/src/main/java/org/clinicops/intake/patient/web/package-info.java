/** The patient REST API, public ({@code /api/patients}) and internal ({@code /internal/patients}). */
package org.clinicops.intake.patient.web;
