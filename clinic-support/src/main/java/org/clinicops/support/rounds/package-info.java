/** Rounds of work that run as soon as a commit asks for them, with a poll as their safety net. */
package org.clinicops.support.rounds;
