package io.crossdock.ops;

/** Fired after an edited route file replaced the running routes, so templated routes can be remade. */
public record RoutesReloaded() {
}
