package org.clinicops.support.idempotency;

import org.clinicops.support.web.InvalidRequestException;

/** An {@code Idempotency-Key} already claimed for a different request: by default a 422 naming the header. */
public class IdempotencyKeyReusedException extends InvalidRequestException {

    public IdempotencyKeyReusedException() {
        super(IdempotencyKeys.HEADER, "was already used for a different request");
    }
}
