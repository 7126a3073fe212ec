package org.clinicops.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests a second each kind of client may send through the gateway, and how many at once after a pause
 * ({@code clinic.gateway.rate-limit.*}). Each client has a bucket of {@code burst} requests, refilled by
 * {@code per-second}.
 */
@ConfigurationProperties("clinic.gateway.rate-limit")
public class RateLimitProperties {

    /** A staff member's or a service's client (every token that is not a partner's). */
    private final Limit staff = new Limit(20, 40);
    /** A partner clinic's client (its token's roles contain PARTNER). */
    private final Limit partner = new Limit(5, 10);
    /** A request without a token, per source address. */
    private final Limit unauthenticated = new Limit(10, 20);

    public Limit getStaff() {
        return staff;
    }

    public Limit getPartner() {
        return partner;
    }

    public Limit getUnauthenticated() {
        return unauthenticated;
    }

    Limit of(RateLimitedClient.Kind kind) {
        return switch (kind) {
            case STAFF -> staff;
            case PARTNER -> partner;
            case UNAUTHENTICATED -> unauthenticated;
        };
    }

    public static class Limit {

        private int perSecond;
        private int burst;

        Limit(int perSecond, int burst) {
            this.perSecond = perSecond;
            this.burst = burst;
        }

        public int getPerSecond() {
            return perSecond;
        }

        public void setPerSecond(int perSecond) {
            this.perSecond = perSecond;
        }

        public int getBurst() {
            return burst;
        }

        public void setBurst(int burst) {
            this.burst = burst;
        }
    }
}
