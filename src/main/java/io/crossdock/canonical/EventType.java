package io.crossdock.canonical;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The business events of the canonical model: what happened, which family (topic) it travels on,
 * what its data is, and which business key names its transaction. The CloudEvents type is
 * versioned ({@code io.crossdock.orders.OrderReceived.v1}); a breaking change is a new version.
 */
public enum EventType {
    ORDER_RECEIVED("OrderReceived", EventFamily.ORDERS, Order.class, o -> key(o.partner(), o.poNumber())),
    ORDER_ACCEPTED("OrderAccepted", EventFamily.ORDERS, OrderAcknowledgment.class, a -> key(a.partner(), a.poNumber())),
    ORDER_REJECTED("OrderRejected", EventFamily.ORDERS, OrderAcknowledgment.class, a -> key(a.partner(), a.poNumber())),
    INVENTORY_ADJUSTED("InventoryAdjusted", EventFamily.INVENTORY, InventoryPosition.class,
            p -> key(p.location(), p.product().sku() != null ? p.product().sku() : p.product().gtin())),
    SHIPMENT_DISPATCHED("ShipmentDispatched", EventFamily.SHIPMENTS, Shipment.class, Shipment::shipmentId),
    SHIPMENT_IN_TRANSIT("ShipmentInTransit", EventFamily.SHIPMENTS, TrackingUpdate.class, TrackingUpdate::shipmentId),
    DELIVERY_CONFIRMED("DeliveryConfirmed", EventFamily.SHIPMENTS, TrackingUpdate.class, TrackingUpdate::shipmentId),
    DELIVERY_EXCEPTION("DeliveryException", EventFamily.SHIPMENTS, TrackingUpdate.class, TrackingUpdate::shipmentId),
    INVOICE_POSTED("InvoicePosted", EventFamily.INVOICES, Invoice.class, Invoice::invoiceNumber),
    PAYMENT_RECEIVED("PaymentReceived", EventFamily.PAYMENTS, Payment.class, Payment::paymentReference),
    PAYMENT_UNMATCHED("PaymentUnmatched", EventFamily.PAYMENTS, UnmatchedPayment.class,
            u -> u.payment().paymentReference()),
    RETURN_RECEIVED("ReturnReceived", EventFamily.RETURNS, Return.class, Return::returnNumber);

    public static final int VERSION = 1;

    private final String eventName;
    private final EventFamily family;
    private final Class<?> dataType;
    private final Function<Object, String> businessKey;

    @SuppressWarnings("unchecked")
    <T> EventType(String eventName, EventFamily family, Class<T> dataType, Function<T, String> businessKey) {
        this.eventName = eventName;
        this.family = family;
        this.dataType = dataType;
        this.businessKey = (Function<Object, String>) businessKey;
    }

    /** The short name, e.g. {@code OrderReceived}. */
    public String eventName() {
        return eventName;
    }

    /** The CloudEvents {@code type}, e.g. {@code io.crossdock.orders.OrderReceived.v1}. */
    public String cloudEventType() {
        return "io.crossdock." + family.id() + "." + eventName + ".v" + VERSION;
    }

    public EventFamily family() {
        return family;
    }

    public Class<?> dataType() {
        return dataType;
    }

    /** The file name of the event's JSON Schema under {@code mappings/canonical/events/}. */
    public String schemaFile() {
        return eventName + ".v" + VERSION + ".schema.json";
    }

    /** The business key of this event's data: the CloudEvents subject and the Kafka record key. */
    public String businessKeyOf(Object data) {
        if (!dataType.isInstance(data)) {
            throw new IllegalArgumentException(eventName + " carries " + dataType.getSimpleName() + ", not "
                    + (data == null ? "nothing" : data.getClass().getSimpleName()));
        }
        return businessKey.apply(data);
    }

    public static Optional<EventType> byCloudEventType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType().equals(type)).findFirst();
    }

    public static Optional<EventType> byName(String eventName) {
        return Arrays.stream(values()).filter(t -> t.eventName.equals(eventName)).findFirst();
    }

    /** The file name of a canonical type's JSON Schema under {@code mappings/canonical/}. */
    public static String schemaFileOf(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)
                + ".v" + VERSION + ".schema.json";
    }

    private static String key(String scope, String id) {
        return scope + "/" + id;
    }
}
