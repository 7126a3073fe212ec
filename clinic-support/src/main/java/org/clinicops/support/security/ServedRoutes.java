package org.clinicops.support.security;

import java.util.List;

/**
 * The matrix rows an application enforces ({@link AccessMatrix}), and the paths it lets any valid token ask for
 * only to answer 404: the gateway's {@code /internal/**}, which it never routes.
 */
public record ServedRoutes(List<AccessMatrix.Route> routes, List<String> unrouted) {

    public ServedRoutes {
        routes = List.copyOf(routes);
        unrouted = List.copyOf(unrouted);
    }

    public static ServedRoutes of(AccessMatrix.Service service) {
        return new ServedRoutes(AccessMatrix.servedBy(service), List.of());
    }

    /**
     * The gateway's: every route it passes on and, in demo mode, the demo clock; {@code /internal/**} (and the demo
     * clock outside demo mode) is 404 for every valid token, as any path it does not route.
     */
    public static ServedRoutes ofGateway(boolean demoMode) {
        List<AccessMatrix.Route> routes = AccessMatrix.routedByGateway().stream()
                .filter(route -> demoMode || route.service() != AccessMatrix.Service.GATEWAY).toList();
        return new ServedRoutes(routes, demoMode ? List.of("/internal/**") : List.of("/internal/**", "/api/demo/**"));
    }
}
