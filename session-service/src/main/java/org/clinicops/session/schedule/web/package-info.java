/** REST API over the clinic's sessions: a clinic day's sessions, and one session. */
package org.clinicops.session.schedule.web;
