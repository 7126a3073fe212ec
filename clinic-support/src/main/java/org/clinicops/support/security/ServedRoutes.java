package org.clinicops.support.security;

import java.util.List;

/**
 * The matrix rows an application enforces ({@link AccessMatrix}); the rows it passes on to their owner with any valid
 * token, leaving the roles to the owner (the gateway's, so that a refused request reaches the service that records
 * it in the audit trail); and the paths it lets any valid token ask for only to answer 404: the gateway's
 * {@code /internal/**}, which it never routes.
 */
public record ServedRoutes(List<AccessMatrix.Route> routes, List<AccessMatrix.Route> passedOn,
                           List<String> unrouted) {

    public ServedRoutes {
        routes = List.copyOf(routes);
        passedOn = List.copyOf(passedOn);
        unrouted = List.copyOf(unrouted);
    }

    public static ServedRoutes of(AccessMatrix.Service service) {
        return new ServedRoutes(AccessMatrix.servedBy(service), List.of(), List.of());
    }

    /**
     * The gateway's: in demo mode its own demo clock; every route it routes to a service, whose roles that service
     * decides (it answers the same 403 the gateway would, and records it); {@code /internal/**} (and the demo clock
     * outside demo mode) is 404 for every valid token, as any path it does not route.
     */
    public static ServedRoutes ofGateway(boolean demoMode) {
        List<AccessMatrix.Route> own = AccessMatrix.routedByGateway().stream()
                .filter(route -> demoMode && route.service() == AccessMatrix.Service.GATEWAY).toList();
        List<AccessMatrix.Route> passedOn = AccessMatrix.routedByGateway().stream()
                .filter(route -> route.service() != AccessMatrix.Service.GATEWAY).toList();
        return new ServedRoutes(own, passedOn,
                demoMode ? List.of("/internal/**") : List.of("/internal/**", "/api/demo/**"));
    }
}
