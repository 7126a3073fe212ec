/**
 * What a partner clinic may read of the patients it referred (CLINICAL section 5, "Partners"): a generic status and
 * its own reference, never an outcome code, reason, score or contact detail. The clinic is the token's.
 */
package org.clinicops.intake.partner;
