package org.clinicops.audit.verification.web;

import org.clinicops.audit.verification.ChainVerifier;
import org.clinicops.audit.verification.Verification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the trail on request: 200 whether it is intact or not, the answer says which. */
@RestController
class VerifyController {

    private final ChainVerifier verifier;

    VerifyController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/verify")
    Verification verify() {
        return verifier.verify();
    }
}
