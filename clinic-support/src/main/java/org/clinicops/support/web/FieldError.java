package org.clinicops.support.web;

/**
 * One invalid field of a request: {@code field} is its path without a root prefix, dotted with 0-based brackets
 * ({@code instruments.phq9[8]}), as the problem body's {@code errors} array lists it.
 */
public record FieldError(String field, String message) {
}
