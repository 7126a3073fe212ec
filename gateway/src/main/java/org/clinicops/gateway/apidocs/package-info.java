/** The clinic's API documents at the gateway: each service's OpenAPI document, and all of them as one. */
package org.clinicops.gateway.apidocs;
