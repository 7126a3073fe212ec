/** clinic-support's own tables, migrated into each service's database after the service's own. */
package org.clinicops.support.migration;
