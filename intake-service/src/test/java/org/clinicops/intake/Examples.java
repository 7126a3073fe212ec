package org.clinicops.intake;

import org.clinicops.support.testing.TestClock;

/**
 * Request bodies of CLINICAL section 3, as a client posts them, and the moment the tests are written for. Their dates
 * go through {@link TestClock}, so they move with the suite's clock (system property {@code clinic.test.clock.base}).
 */
public final class Examples {

    /**
     * When the service tests run: 21:00 on Friday 20 November 2026 in the clinic (America/Los_Angeles), already the
     * 21st in UTC. For {@code @SharedServiceTest(now = Examples.NOW)}; in assertions
     * {@code TestClock.at(Examples.NOW)}.
     */
    public static final String NOW = "2026-11-21T05:00:00Z";

    /** Today in the clinic at {@link #NOW} (moved with the test clock): the contract example's screening date. */
    public static final String TODAY = TestClock.isoDate("2026-11-20");

    /** Dana's date of birth in {@link #PATIENT}, moved with the test clock so her age on {@link #TODAY} stays 42. */
    public static final String DANA_BORN = TestClock.isoDate("1984-03-09");

    public static final String PATIENT = """
            {
              "firstName": "Dana", "lastName": "Reyes", "dateOfBirth": "%s", "sexAtBirth": "FEMALE",
              "email": "dana@example.org", "phone": "+15035550142",
              "contactConsent": { "email": true, "sms": false },
              "referral": { "source": "PARTNER_CLINIC", "partnerClinicId": "riverside-psychiatry",
                            "partnerReference": "RVS-2026-0042" }
            }
            """.formatted(DANA_BORN);

    public static final String SCREENING = """
            {
              "indication": "DEPRESSION",
              "screenedOn": "%s",
              "instruments": {
                "phq9": [2, 2, 1, 2, 1, 1, 2, 1, 0],
                "gad7": [1, 2, 1, 1, 0, 1, 1],
                "pcl5": [0, 1, 2, 1, 0, 0, 1, 1, 0, 2, 1, 1, 0, 0, 1, 2, 1, 0, 1, 0],
                "auditC": [1, 0, 0],
                "dast10": [false, false, true, false, false, false, false, false, false, false],
                "cssrs": { "wishToBeDead": false, "suicidalThoughts": false, "thoughtsWithMethod": false,
                           "intent": false, "intentWithPlan": false, "behaviorLifetime": false,
                           "behaviorPast3Months": false }
              },
              "history": {
                "failedAntidepressantTrials": 2,
                "onMoodStabilizer": false,
                "conditions": [],
                "medications": []
              },
              "vitals": { "systolic": 128, "diastolic": 82, "heartRate": 74, "weightKg": 71.5 }
            }
            """.formatted(TODAY);

    private Examples() {
    }
}
