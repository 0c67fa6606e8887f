package io.crossdock.ops;

/**
 * Fired after edited route files replaced the running routes, naming the route templates they
 * define, so routes made from those templates can be remade.
 */
public record RoutesReloaded(java.util.Set<String> templateIds) {
}
