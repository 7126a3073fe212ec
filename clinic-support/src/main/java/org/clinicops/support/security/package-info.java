/**
 * Who may call the partner API ({@code /api/partner/**}): an OAuth2 resource server accepting the clinic issuer's
 * partner tokens, the clinic a request acts for taken from the token alone. A service serving partner routes imports
 * {@link org.clinicops.support.security.PartnerApiSecurity}.
 */
package org.clinicops.support.security;
