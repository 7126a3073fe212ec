package org.clinicops.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest service: just the shared plumbing, for testing it against a real broker and database. */
@SpringBootApplication
class SupportTestApplication {
}
