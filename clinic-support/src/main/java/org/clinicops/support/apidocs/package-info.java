/**
 * Each service's OpenAPI 3.1 document ({@code /v3/api-docs}, by springdoc): request bodies described by their
 * readers' own checks ({@link org.clinicops.support.request.RequestSchema}), the problem bodies, the bearer token.
 */
package org.clinicops.support.apidocs;
