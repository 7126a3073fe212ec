package org.clinicops.audit.trail.web;

import org.clinicops.audit.trail.ChainedRecord;

import java.util.List;

/** @param next the cursor of the following page, null when this one is the last */
record AuditPage(List<ChainedRecord> records, String next) {
}
