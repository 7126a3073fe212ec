/** The clinic's settings ({@code session.*}) and the beans built from them. */
package org.clinicops.session.config;
