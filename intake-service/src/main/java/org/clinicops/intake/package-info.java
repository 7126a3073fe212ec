/** intake-service: referrals, patients and screenings, scored and checked against the eligibility rules. */
package org.clinicops.intake;
