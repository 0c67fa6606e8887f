package io.crossdock.orchestration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.canonical.ExchangeNames;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Money;
import io.crossdock.canonical.Order;
import io.crossdock.canonical.OrderAcknowledgment;
import io.crossdock.canonical.OrderAcknowledgment.LineStatus;
import io.crossdock.canonical.Quantity;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventPublisher;
import io.crossdock.ops.BusinessExceptions;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import io.crossdock.partner.PartnerDirectory;
import org.apache.camel.Exchange;

/**
 * Tells everyone what became of an order: {@code OrderAccepted} (as is, or with the lines the
 * policy changed, backordered or refused) once Odoo confirmed it, {@code OrderRejected} when no
 * sale order could be made, with a business exception for a person. The event ids are derived from
 * the PO, so a resend or replay republishes the same events, which consumers drop as repeats.
 */
@ApplicationScoped
@Named("orderAcknowledger")
public class OrderAcknowledger {

    private static final String SOURCE = "/crossdock/orchestration/order-to-odoo";

    private final EventPublisher events;
    private final BusinessExceptions businessExceptions;
    private final Tracking tracking;
    private final OrderLinks links;
    private final OrderProcess process;
    private final PartnerDirectory partners;
    private final OdooLookups odoo;

    public OrderAcknowledger(EventPublisher events, BusinessExceptions businessExceptions, Tracking tracking, OrderLinks links,
            OrderProcess process, PartnerDirectory partners, OdooLookups odoo) {
        this.odoo = odoo;
        this.events = events;
        this.businessExceptions = businessExceptions;
        this.tracking = tracking;
        this.links = links;
        this.process = process;
        this.partners = partners;
    }

    /** Body: the confirmed sale order as read back ({@code name}, {@code state}). */
    public void accepted(Exchange exchange) throws Exception {
        OrderPlan plan = exchange.getProperty(ExchangeNames.PLAN, OrderPlan.class);
        Order order = plan.getOrder();
        String name = linkReadBack(exchange, plan);
        List<OrderAcknowledgment.LineAcknowledgment> lines = plan.getLines().stream().map(line -> new OrderAcknowledgment.LineAcknowledgment(
                line.ordered().lineNumber(), line.status(), line.ordered().product(),
                new Quantity(line.quantity(), line.ordered().quantity().unit()),
                line.unitPrice() == null ? null : new Money(line.unitPrice(), order.currency()),
                line.ordered().requestedDeliveryDate() != null ? line.ordered().requestedDeliveryDate() : order.requestedDeliveryDate(),
                line.reason())).toList();
        boolean asSent = lines.stream().allMatch(line -> line.status() == LineStatus.ACCEPTED);
        OrderAcknowledgment acknowledgment = new OrderAcknowledgment(order.poNumber(), order.partner(), name,
                asSent ? OrderAcknowledgment.Status.ACCEPTED : OrderAcknowledgment.Status.CHANGED, today(), lines, null);
        tracking.record(TrackingEntry.of("ODOO_ORDER_CONFIRMED", "odoo", "PO " + order.poNumber() + " is sale order " + name
                + " in Odoo" + (asSent ? "" : ", with changes"), plan.getBusinessKey(), order.partner(), correlationId(exchange)));
        process.mark(order.partner(), order.poNumber(), now(), correlationId(exchange), name, ProcessStep.CREATED_IN_ODOO,
                ProcessStep.CONFIRMED);
        publish(exchange, EventType.ORDER_ACCEPTED, acknowledgment);
    }

    /**
     * Body: the quotation read back with Odoo's credit warning. It stays unconfirmed; a person decides
     * in Odoo. Linked now, so confirming it there releases it ({@link #released}).
     */
    public void held(Exchange exchange) throws Exception {
        OrderPlan plan = exchange.getProperty(ExchangeNames.PLAN, OrderPlan.class);
        Order order = plan.getOrder();
        String name = linkReadBack(exchange, plan);
        boolean heldBefore = process.find(order.partner(), order.poNumber()).map(state -> state.has(ProcessStep.CREDIT_HOLD)).orElse(false);
        process.mark(order.partner(), order.poNumber(), now(), correlationId(exchange), name, ProcessStep.CREDIT_HOLD);
        if (heldBefore) {
            return;
        }
        exchange.getMessage().setBody("PO " + order.poNumber() + " waits in Odoo as quotation " + name + ", not confirmed: "
                + plan.getCreditWarning().replace('\n', ' ') + ". Confirming it in Odoo releases it to " + order.partner() + ".");
        exchange.getMessage().setHeader(ExchangeNames.SYSTEM, "odoo");
        businessExceptions.record(exchange);
    }

    /**
     * Body: a confirmed sale order as the odoo: consumer delivers it. One Crossdock held for credit is
     * acknowledged now, every line as Odoo has it; any other confirmed order is none of this step's business.
     */
    public void released(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> saleOrder = exchange.getMessage().getMandatoryBody(Map.class);
        long id = ((Number) saleOrder.get("id")).longValue();
        java.util.Optional<OrderLinks.Link> link = links.byOdooOrder(id)
                .filter(known -> known.poNumber().equals(saleOrder.get("client_order_ref")));
        if (link.isEmpty()) {
            return;
        }
        OrderLinks.Link order = link.get();
        var state = process.find(order.partner(), order.poNumber());
        if (state.isEmpty() || !state.get().has(ProcessStep.CREDIT_HOLD) || state.get().has(ProcessStep.CONFIRMED)) {
            return;
        }
        Map<Long, OrderLinks.LineLink> partnerLines = links.lines(id);
        List<OrderAcknowledgment.LineAcknowledgment> lines = new java.util.ArrayList<>();
        for (Map<String, Object> line : odoo.read("sale.order.line", saleOrder.get("order_line"), "product_uom_qty,price_unit")) {
            OrderLinks.LineLink partnerLine = partnerLines.get(((Number) line.get("id")).longValue());
            if (partnerLine != null) {
                lines.add(new OrderAcknowledgment.LineAcknowledgment(partnerLine.lineNumber(), LineStatus.ACCEPTED, partnerLine.product(),
                        new Quantity(((java.math.BigDecimal) line.get("product_uom_qty")).stripTrailingZeros(), partnerLine.unit()),
                        new Money((java.math.BigDecimal) line.get("price_unit"), order.currency()), null, null));
            }
        }
        String name = (String) saleOrder.get("name");
        exchange.getMessage().setHeader("correlationId", order.correlationId());
        tracking.record(TrackingEntry.of("ODOO_ORDER_CONFIRMED", "odoo", "PO " + order.poNumber() + " is sale order " + name
                + " in Odoo, confirmed there after a credit hold", order.partner() + "/" + order.poNumber(), order.partner(),
                order.correlationId()));
        process.mark(order.partner(), order.poNumber(), now(), order.correlationId(), name, ProcessStep.CONFIRMED);
        publish(exchange, EventType.ORDER_ACCEPTED, new OrderAcknowledgment(order.poNumber(), order.partner(), name,
                OrderAcknowledgment.Status.ACCEPTED, today(), lines, null));
    }

    /** Body: the sale order as read back ({@code name}, {@code order_line}); links it to the PO and returns its name. */
    private String linkReadBack(Exchange exchange, OrderPlan plan) throws java.sql.SQLException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> read = exchange.getMessage().getBody(List.class);
        String name = read == null || read.isEmpty() ? plan.getOrderName() : (String) read.get(0).get("name");
        link(exchange, plan, name, read == null || read.isEmpty() ? List.of() : OrderLinks.ids(read.get(0).get("order_line")));
        return name;
    }

    /** Odoo keeps the order's lines in the order they were created: the placed (not refused) lines, in the PO's order. */
    private void link(Exchange exchange, OrderPlan plan, String name, List<Long> odooLines) throws java.sql.SQLException {
        Order order = plan.getOrder();
        List<OrderPlan.Line> placed = plan.getLines().stream().filter(line -> line.status() != LineStatus.REJECTED).toList();
        Map<Long, OrderLinks.LineLink> lines = new java.util.LinkedHashMap<>();
        for (int i = 0; i < Math.min(placed.size(), odooLines.size()); i++) {
            lines.put(odooLines.get(i), new OrderLinks.LineLink(placed.get(i).ordered().lineNumber(), placed.get(i).ordered().product(),
                    placed.get(i).ordered().quantity().unit()));
        }
        links.link(new OrderLinks.Link(order.partner(), order.poNumber(), plan.getOrderId(), name, correlationId(exchange),
                order.currency()), lines);
    }

    public void rejected(Exchange exchange) throws Exception {
        OrderPlan plan = exchange.getProperty(ExchangeNames.PLAN, OrderPlan.class);
        Order order = plan.getOrder();
        List<OrderAcknowledgment.LineAcknowledgment> lines = order.lines().stream().map(line -> new OrderAcknowledgment.LineAcknowledgment(
                line.lineNumber(), LineStatus.REJECTED, line.product(), line.quantity(), line.unitPrice(), null,
                plan.getLines().stream().filter(l -> l.ordered() == line).map(OrderPlan.Line::reason).findFirst().orElse(null)))
                .toList();
        exchange.getMessage().setBody(plan.getRejection());
        exchange.getMessage().setHeader(ExchangeNames.SYSTEM, "odoo");
        businessExceptions.record(exchange);
        publish(exchange, EventType.ORDER_REJECTED, new OrderAcknowledgment(order.poNumber(), order.partner(), null,
                OrderAcknowledgment.Status.REJECTED, today(), lines, plan.getRejection()));
        process.mark(order.partner(), order.poNumber(), ProcessStep.REJECTED, now(), correlationId(exchange));
    }

    private void publish(Exchange exchange, EventType type, OrderAcknowledgment acknowledgment) throws Exception {
        events.publish(type, acknowledgment, EventContext.derived(correlationId(exchange), acknowledgment.partner(), SOURCE,
                acknowledgment.partner(), acknowledgment.poNumber(), type.eventName()))
                .get(30, TimeUnit.SECONDS);
        if (!answeredByDocument(acknowledgment.partner(), type)) {
            // A calling system reads its answer from the event or GET /orders: publishing it is the acknowledgment.
            process.mark(acknowledgment.partner(), acknowledgment.poNumber(), ProcessStep.ACKNOWLEDGED, now(), correlationId(exchange));
        }
    }

    /** True when the partner's profile sends a document (855, ORDRSP) for this event; it acknowledges when sent. */
    private boolean answeredByDocument(String partner, EventType type) {
        return partners.find(partner).map(profile -> profile.edi() != null && profile.edi().outboundOrNone().values().stream()
                .anyMatch(document -> document.events().contains(type.eventName()))).orElse(false);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String correlationId(Exchange exchange) {
        return exchange.getMessage().getHeader("correlationId", String.class);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
