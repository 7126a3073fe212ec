/** REST API over the monitoring forms: the forms due, and marking one submitted. */
package org.clinicops.session.monitoring.web;
