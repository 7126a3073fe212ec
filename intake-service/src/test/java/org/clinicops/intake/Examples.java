package org.clinicops.intake;

/** Request bodies of CLINICAL section 3, as a client posts them. */
public final class Examples {

    public static final String PATIENT = """
            {
              "firstName": "Dana", "lastName": "Reyes", "dateOfBirth": "1984-03-09", "sexAtBirth": "FEMALE",
              "email": "dana@example.org", "phone": "+15035550142",
              "contactConsent": { "email": true, "sms": false },
              "referral": { "source": "PARTNER_CLINIC", "partnerClinicId": "riverside-psychiatry" }
            }
            """;

    public static final String SCREENING = """
            {
              "indication": "DEPRESSION",
              "screenedOn": "2026-11-20",
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
            """;

    private Examples() {
    }
}
