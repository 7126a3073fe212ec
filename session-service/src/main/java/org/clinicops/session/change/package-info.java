/** Changes to a booked series that keep its rules: a session moved, or made up for a deferred, cancelled or missed one. */
package org.clinicops.session.change;
