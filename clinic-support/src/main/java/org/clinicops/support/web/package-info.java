/** HTTP plumbing shared by the services: correlation ids and RFC 9457 problem responses. */
package org.clinicops.support.web;
