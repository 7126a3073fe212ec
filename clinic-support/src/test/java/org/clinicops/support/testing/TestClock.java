package org.clinicops.support.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The one clock of every test: settable by hand, so "the moment the outcome is recorded" is a fact of the test, and
 * never the machine's clock, so the suite passes on any day it runs.
 *
 * <p>Tests write their times in the reference week of Wednesday 25 November 2026 and pass them through
 * {@link #at(String)} and {@link #date(String)}. The system property {@value #BASE_PROPERTY} (a date) moves all of
 * them together by the whole 52-week years between the reference day and that date: weekdays, clinic hours and the
 * season (daylight-saving time) stay what the tests were written for, while every "now" the services see lies that
 * far ahead. CI runs the suite once more a year ahead this way.
 */
public final class TestClock extends Clock {

    public static final String BASE_PROPERTY = "clinic.test.clock.base";
    /** Wednesday; 09:00 in Los Angeles is 17:00 UTC on that day. */
    public static final LocalDate REFERENCE_DAY = LocalDate.parse("2026-11-25");
    private static final Duration SHIFT = shift(System.getProperty(BASE_PROPERTY));

    private volatile Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    /** A clock at Wednesday 25 November 2026 09:00 in Los Angeles (moved by the base property). */
    public TestClock() {
        this(at("2026-11-25T17:00:00Z"));
    }

    /** An instant of the reference week, moved as the whole suite's clock is. */
    public static Instant at(String instant) {
        return Instant.parse(instant).plus(SHIFT);
    }

    /** A wall-clock time of the reference week in {@code zone} ("2026-11-25T09:00" in the clinic's), moved likewise. */
    public static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).plusDays(SHIFT.toDays()).atZone(zone).toInstant();
    }

    /** A date of the reference week (or a birthday relative to it), moved as the whole suite's clock is. */
    public static LocalDate date(String date) {
        return LocalDate.parse(date).plusDays(SHIFT.toDays());
    }

    /** {@link #date(String)} as the ISO text a request body carries. */
    public static String isoDate(String date) {
        return date(date).toString();
    }

    /** {@link #at(String)} as the ISO text a request body or an assertion carries. */
    public static String isoInstant(String instant) {
        return at(instant).toString();
    }

    /** {@link #isoInstant(String)} of each, for asserting a list of times. */
    public static List<String> isoInstants(String... instants) {
        return Arrays.stream(instants).map(TestClock::isoInstant).toList();
    }

    /**
     * The machine's time, for the one kind of test that needs it: a party outside clinic-ops that reads the machine's
     * clock itself (the reference Standard Webhooks library checks a webhook's timestamp against it) is met by setting
     * the service's clock to this. What such a test asserts must not depend on the day.
     */
    public static Instant machineTime() {
        return Clock.systemUTC().instant();
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    static Duration shift(String base) {
        if (base == null || base.isBlank()) {
            return Duration.ZERO;
        }
        long years = ChronoUnit.DAYS.between(REFERENCE_DAY, LocalDate.parse(base.strip())) / 364;
        return Duration.ofDays(364 * years);
    }
}
