package io.crossdock.api;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many requests each API client may make per window, per pod: with three pods a client reaches
 * three times the figure at most, so set it for one pod. {@code clients.<client>} overrides the
 * default for one client (a big web shop, a chatty test system).
 */
@ConfigMapping(prefix = "crossdock.api.rate-limit")
public interface RateLimitConfig {

    /** Requests per window for a client without its own figure; beyond it the answer is 429 with Retry-After. */
    @WithDefault("600")
    int requests();

    /** The window requests are counted in. */
    @WithDefault("PT1M")
    Duration window();

    /** Per-client figures, by client name. */
    Map<String, Integer> clients();

    default int requestsFor(String client) {
        return clients().getOrDefault(client, requests());
    }
}
