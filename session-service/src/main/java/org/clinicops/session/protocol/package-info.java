/**
 * The treatment protocols of CLINICAL section 6 as one table of data: per protocol its route, induction series, chair
 * time, dose rule, observation, the indications it is the default for and licensed for, and whether it runs under a
 * restricted programme. Everything else looks a protocol's facts up here instead of switching on it. Plain Java.
 */
package org.clinicops.session.protocol;
