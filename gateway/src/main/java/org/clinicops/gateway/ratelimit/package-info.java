/** The gateway's per-client rate limit: a token bucket per client, and a 429 problem with Retry-After past it. */
package org.clinicops.gateway.ratelimit;
