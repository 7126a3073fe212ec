package org.clinicops.session.protocol;

/**
 * How a protocol's boosters follow its induction series (CLINICAL section 6, maintenance): the first
 * {@code weeklyBoosters} boosters a week apart, then every booster the prescriber's interval apart, which must lie
 * within {@code minIntervalWeeks} to {@code maxIntervalWeeks}. IV and IM: every 2 to 6 weeks; esketamine: weekly in
 * weeks 5-8, then every 1 or 2 weeks.
 */
public record Maintenance(int weeklyBoosters, int minIntervalWeeks, int maxIntervalWeeks) {

    public Maintenance {
        if (weeklyBoosters < 0 || minIntervalWeeks < 1 || maxIntervalWeeks < minIntervalWeeks) {
            throw new IllegalArgumentException("Not a maintenance rule: " + weeklyBoosters + " weekly, then every "
                    + minIntervalWeeks + "-" + maxIntervalWeeks + " weeks");
        }
    }

    public boolean allowsInterval(int weeks) {
        return weeks >= minIntervalWeeks && weeks <= maxIntervalWeeks;
    }

    /**
     * The weeks from the session before to the {@code booster}-th booster (1 for the first after the series), with
     * the prescriber's interval.
     */
    public int weeksBefore(int booster, int intervalWeeks) {
        return booster <= weeklyBoosters ? 1 : intervalWeeks;
    }
}
