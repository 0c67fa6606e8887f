package io.crossdock.sandbox.odoo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Switches that make the emulator misbehave the way a real Odoo and its network do: slow answers,
 * serialization failures that survived Odoo's own retries, 5xx from the proxy in front of it,
 * webhook calls that never arrive, API keys that expired.
 */
public final class OdooFaults {

    private volatile Duration latency = Duration.ZERO;
    private volatile boolean keysExpired;
    private final java.util.Set<String> deniedModels = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Duration slowBy = Duration.ZERO;
    private final AtomicInteger slowRequests = new AtomicInteger();
    private final AtomicInteger serializationFailures = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger droppedWebhooks = new AtomicInteger();

    /** Every request waits this long before it is answered. */
    public OdooFaults latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Only the next {@code count} requests wait {@code by} before they are answered. */
    public OdooFaults slowRequests(int count, Duration by) {
        this.slowBy = by;
        slowRequests.set(count);
        return this;
    }

    /** The next {@code count} writing calls fail with {@code psycopg2.errors.SerializationFailure}. */
    public OdooFaults serializationFailures(int count) {
        serializationFailures.set(count);
        return this;
    }

    /** The next {@code count} requests get a 503 from the proxy, never reaching Odoo. */
    public OdooFaults serverErrors(int count) {
        serverErrors.set(count);
        return this;
    }

    /** The next {@code count} webhook notifications are lost, as Odoo loses them when the call fails. */
    public OdooFaults dropWebhooks(int count) {
        droppedWebhooks.set(count);
        return this;
    }

    /** Every API key is rejected, as on Odoo 19 once a key passed its expiry date. */
    public OdooFaults keysExpired(boolean expired) {
        this.keysExpired = expired;
        return this;
    }

    /** The integration user loses the right to change records of this model (AccessError), as when its groups shrink. */
    public OdooFaults denyWrites(String model) {
        deniedModels.add(model);
        return this;
    }

    public OdooFaults reset() {
        deniedModels.clear();
        latency = Duration.ZERO;
        slowRequests.set(0);
        keysExpired = false;
        serializationFailures.set(0);
        serverErrors.set(0);
        droppedWebhooks.set(0);
        return this;
    }

    /** How long this request waits: the general latency, or the delay of a request picked to be slow. */
    Duration latency() {
        return take(slowRequests) ? slowBy.plus(latency) : latency;
    }

    boolean writesDenied(String model) {
        return deniedModels.contains(model);
    }

    boolean keysExpired() {
        return keysExpired;
    }

    boolean takeSerializationFailure() {
        return take(serializationFailures);
    }

    boolean takeServerError() {
        return take(serverErrors);
    }

    boolean takeDroppedWebhook() {
        return take(droppedWebhooks);
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }
}
