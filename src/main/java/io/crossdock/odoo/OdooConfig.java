package io.crossdock.odoo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Odoo connection(s). {@code crossdock.odoo.*} is the default connection used by
 * {@code odoo:} endpoints; {@code crossdock.odoo.connections.<name>.*} adds named ones
 * ({@code odoo:sale.order?connection=<name>}), e.g. a second company's database or a 19 instance
 * beside a 17 during an upgrade. The API key comes from a Secret (CROSSDOCK_ODOO_API_KEY).
 */
@ConfigMapping(prefix = "crossdock.odoo")
public interface OdooConfig extends OdooConnectionSettings {

    /**
     * More Odoo databases, by name: {@code crossdock.odoo.connections.<name>.url} (and database, login,
     * api-key, ...), used by {@code odoo:...?connection=<name>}.
     */
    Map<String, OdooConnectionSettings> connections();

    /** Concurrency conflicts and transport failures are retried with exponential backoff and jitter. */
    Retry retry();

    @io.smallrye.config.WithName("circuit-breaker")
    CircuitBreaker circuitBreaker();

    /** Change capture ({@code from: odoo:<model>}): poll page size, write_date look-back, webhook confirmation re-reads. */
    Changes changes();

    /** Webhooks Odoo may call, by name: {@code POST /webhooks/odoo/<name>} with the hook's secret. */
    Map<String, Webhook> webhooks();

    interface Retry {
        /** Retries after the first attempt. */
        @WithDefault("4")
        int maxRetries();

        /** The first retry's delay; each next one doubles, up to max-delay. */
        @WithDefault("PT0.2S")
        Duration delay();

        @WithDefault("PT5S")
        Duration maxDelay();

        /** At most this much, at random, is added to or taken from each delay. */
        @WithDefault("PT0.1S")
        Duration jitter();
    }

    interface CircuitBreaker {
        /** Calls in the rolling window before the failure ratio is judged. */
        @WithDefault("20")
        int requestVolume();

        /** The breaker opens when at least this share of the last request-volume calls failed in transport. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before a probe is let through. */
        @WithDefault("PT30S")
        Duration delay();

        /** Probes that must succeed before an open breaker closes again. */
        @WithDefault("1")
        int successThreshold();
    }

    interface Changes {
        /** Records read per poll page. */
        @WithDefault("200")
        int pageSize();

        /**
         * Odoo stamps write_date with the transaction's start, so a long transaction can commit
         * records dated before the cursor; each poll looks back this far and de-duplicates.
         */
        @WithDefault("PT10S")
        Duration lookback();

        /** When a webhook's record does not show the change yet (17/18 call before commit), read again after these delays. */
        @WithDefault("PT0.5S,PT1S,PT2S,PT4S")
        List<Duration> confirmDelays();
    }

    interface Webhook {
        String secret();

        /** The models this hook may announce; empty means any model a route listens to. */
        Optional<List<String>> models();
    }
}
