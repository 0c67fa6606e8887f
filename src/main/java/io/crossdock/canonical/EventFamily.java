package io.crossdock.canonical;

/** Events travel one topic per family, keyed by business key so one transaction's events stay in order. */
public enum EventFamily {
    ORDERS, INVENTORY, SHIPMENTS, INVOICES, PAYMENTS, RETURNS;

    /** The configuration key suffix and default topic name part: {@code orders}, {@code inventory}, ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
