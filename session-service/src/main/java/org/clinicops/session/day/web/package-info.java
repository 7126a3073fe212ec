/** REST API of the session day: the day board, one session, and the chairside actions. */
package org.clinicops.session.day.web;
