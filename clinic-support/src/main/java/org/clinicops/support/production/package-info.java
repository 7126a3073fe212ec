/**
 * The {@code prod} profile's transport rules, shared by every application: Kafka over SASL_SSL, PostgreSQL with
 * {@code sslmode=verify-full}, the issuer's keys over HTTPS, no demo settings.
 */
package org.clinicops.support.production;
