package org.clinicops.support.retention;

import java.time.Duration;

/**
 * Rows of {@code table} are deleted once the instant in {@code olderThan} lies more than {@code retention} in the
 * past. A row whose column is null is never deleted. Declare one as a bean and {@link RetentionJob} applies it.
 */
public record RetentionRule(String table, String olderThan, Duration retention) {
}
