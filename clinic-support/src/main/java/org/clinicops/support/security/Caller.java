package org.clinicops.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a request, from the validated token alone: the staff id (the token's principal claim, {@code sub} by
 * default) and the roles it was granted. It is who reviewed, ordered, acknowledged or recorded, whatever a body says.
 */
public record Caller(String id, Set<Role> roles) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The caller of a request {@link ClinicSecurity} let in. */
    public static Caller of(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Set<Role> roles = Arrays.stream(Role.values()).filter(role -> authorities.contains(role.authority()))
                .collect(Collectors.toSet());
        return new Caller(authentication.getName(), roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
