package io.crossdock.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.EventFamily;
import io.crossdock.canonical.Order;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Two independent consumers of the orders family for the backbone tests. Each adds one to a
 * per-event counter in the same transaction as its idempotency record, so an event applied twice
 * shows as a 2. Orders whose PO number is in {@link #BROKEN} fail as if a downstream system were down.
 */
public final class LedgerHandlers {

    public static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();

    private LedgerHandlers() {
    }

    static void count(String consumer, ConsumedEvent event, Connection tx) throws Exception {
        Order order = event.data(Order.class);
        if (BROKEN.contains(order.poNumber())) {
            throw new IllegalStateException("downstream refused " + order.poNumber() + " (test fault)");
        }
        try (PreparedStatement upsert = tx.prepareStatement("""
                insert into test_ledger (consumer, event_id, business_key, times) values (?, ?, ?, 1)
                on conflict (consumer, event_id) do update set times = test_ledger.times + 1""")) {
            upsert.setString(1, consumer);
            upsert.setString(2, event.id());
            upsert.setString(3, event.businessKey());
            upsert.executeUpdate();
        }
    }

    /** Counts what it applies under its own consumer name. */
    abstract static class Ledger implements EventHandler {
        private final String consumer;

        Ledger(String consumer) {
            this.consumer = consumer;
        }

        @Override
        public String consumer() {
            return consumer;
        }

        @Override
        public Set<EventFamily> families() {
            return Set.of(EventFamily.ORDERS);
        }

        @Override
        public void apply(ConsumedEvent event, Connection tx) throws Exception {
            count(consumer, event, tx);
        }
    }

    @ApplicationScoped
    @LookupIfProperty(name = "crossdock.test.ledger-handlers", stringValue = "true")
    public static class LedgerA extends Ledger {
        public LedgerA() {
            super("test-ledger-a");
        }
    }

    @ApplicationScoped
    @LookupIfProperty(name = "crossdock.test.ledger-handlers", stringValue = "true")
    public static class LedgerB extends Ledger {
        public LedgerB() {
            super("test-ledger-b");
        }
    }
}
