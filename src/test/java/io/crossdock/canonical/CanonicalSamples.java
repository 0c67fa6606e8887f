package io.crossdock.canonical;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.crossdock.canonical.Order.OrderLine;
import io.crossdock.canonical.PartyIdentifier.Scheme;

/** One valid instance of each event's data, as a document from the real world would give it. */
public final class CanonicalSamples {

    private CanonicalSamples() {
    }

    public static Order order(String poNumber) {
        return new Order(poNumber, "demo", LocalDate.of(2026, 11, 20), Order.Purpose.ORIGINAL,
                party(Party.Role.CUSTOMER, "Demo Retail", "0614141000005"),
                party(Party.Role.SUPPLIER, "Crossdock Distribution", "0614141999996"),
                new Party(Party.Role.SHIP_TO, "Demo Retail DC 12",
                        List.of(new PartyIdentifier(Scheme.PARTNER, "DC12", "demo")),
                        new Address(List.of("1 Dock Road"), "Springfield", "IL", "62701", "US")),
                null, "USD", LocalDate.of(2026, 12, 1),
                List.of(new OrderLine("1", product(), Quantity.of("24", "EA"), Money.of("3.49", "USD"), null)),
                List.of());
    }

    public static Map<EventType, Object> oneOfEach() {
        var ack = new OrderAcknowledgment("PO-1", "demo", "S00042", OrderAcknowledgment.Status.ACCEPTED,
                LocalDate.of(2026, 11, 21), List.of(new OrderAcknowledgment.LineAcknowledgment("1",
                OrderAcknowledgment.LineStatus.ACCEPTED, product(), Quantity.of("24", "EA"), Money.of("3.49", "USD"),
                LocalDate.of(2026, 12, 1), null)), null);
        var rejected = new OrderAcknowledgment("PO-2", "demo", null, OrderAcknowledgment.Status.REJECTED,
                LocalDate.of(2026, 11, 21), List.of(), "unknown customer GLN 0614141000005");
        var shipment = new Shipment("WH/OUT/00017", "demo", List.of("PO-1"), "S00042", null,
                party(Party.Role.SHIP_TO, "Demo Retail DC 12", "0614141000012"),
                new Shipment.Carrier("UPSN", "UPS", "Ground"), "1Z999AA10123456784", at(), LocalDate.of(2026, 11, 25),
                List.of(new Shipment.ShipmentPackage("006141411234567890", "CTN", Quantity.of("12.5", "KGM"),
                        List.of(new Shipment.PackedItem("1", product(), Quantity.of("24", "EA"))))));
        var tracking = new TrackingUpdate("WH/OUT/00017", "1Z999AA10123456784", "UPSN",
                TrackingUpdate.Milestone.IN_TRANSIT, at(), "Louisville, KY", "Departed facility");
        var usd = (java.util.function.Function<String, Money>) amount -> Money.of(amount, "USD");
        var invoice = new Invoice("INV/2026/0001", Invoice.Kind.INVOICE, "demo", LocalDate.of(2026, 11, 22),
                LocalDate.of(2026, 12, 22), "PO-1", "S00042", party(Party.Role.SUPPLIER, "Crossdock Distribution",
                "0614141999996"), party(Party.Role.CUSTOMER, "Demo Retail", "0614141000005"), "USD",
                List.of(new Invoice.InvoiceLine("1", product(), Quantity.of("24", "EA"), usd.apply("3.49"),
                        usd.apply("83.76"), List.of("VAT10"))),
                List.of(new Invoice.TaxAmount("VAT10", new java.math.BigDecimal("10"), usd.apply("83.76"),
                        usd.apply("8.38"))),
                List.of(new Invoice.Charge("FREIGHT", "Freight", usd.apply("5.00"))),
                new Invoice.Totals(usd.apply("83.76"), usd.apply("8.38"), usd.apply("5.00"), usd.apply("97.14")),
                new Invoice.PaymentTerms("Net 30", 30, null, null));
        var payment = new Payment("STMT-2026-11-22-0001", Payment.Direction.CREDIT, Money.of("97.14", "USD"),
                LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30),
                new Payment.References("E2E-1", null, List.of("INV/2026/0001")),
                new Payment.Counterparty("Demo Retail", "DE89370400440532013000", null), "DE02120300000000202051");
        return Map.ofEntries(
                Map.entry(EventType.ORDER_RECEIVED, order("PO-1")),
                Map.entry(EventType.ORDER_ACCEPTED, ack),
                Map.entry(EventType.ORDER_REJECTED, rejected),
                Map.entry(EventType.INVENTORY_ADJUSTED, new InventoryPosition(product(), "WH/Stock",
                        Quantity.of("120", "EA"), Quantity.of("96", "EA"), at())),
                Map.entry(EventType.SHIPMENT_DISPATCHED, shipment),
                Map.entry(EventType.SHIPMENT_IN_TRANSIT, tracking),
                Map.entry(EventType.DELIVERY_CONFIRMED, tracking),
                Map.entry(EventType.DELIVERY_EXCEPTION, tracking),
                Map.entry(EventType.INVOICE_POSTED, invoice),
                Map.entry(EventType.PAYMENT_RECEIVED, payment),
                Map.entry(EventType.PAYMENT_UNMATCHED, new UnmatchedPayment(payment, "no open invoice INV/2026/0001",
                        List.of())),
                Map.entry(EventType.RETURN_RECEIVED, new Return("RMA-7", "demo", "PO-1", "S00042",
                        party(Party.Role.CUSTOMER, "Demo Retail", "0614141000005"), at(),
                        List.of(new Return.ReturnLine(product(), Quantity.of("2", "EA"), "damaged")))));
    }

    public static ProductRef product() {
        return new ProductRef("SKU-1001", "00614141100013",
                List.of(new ProductRef.PartnerItemNumber("demo", "BP", "DR-55")), "Widget, blue");
    }

    private static Party party(Party.Role role, String name, String gln) {
        return new Party(role, name, List.of(new PartyIdentifier(Scheme.GLN, gln, null)), null);
    }

    private static OffsetDateTime at() {
        return OffsetDateTime.of(2026, 11, 22, 14, 30, 0, 0, ZoneOffset.UTC);
    }
}
