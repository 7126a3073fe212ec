/** session-service: creates treatment plans from eligible screenings and books their sessions into clinic capacity. */
package org.clinicops.session;
