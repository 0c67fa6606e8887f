package io.crossdock.orchestration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Party;
import io.crossdock.canonical.Quantity;
import io.crossdock.canonical.Shipment;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventPublisher;
import io.crossdock.odoo.OdooRef;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

/**
 * A delivery Odoo validated becomes {@code ShipmentDispatched}, in the partner's terms: its PO,
 * its line numbers and item numbers for what left, the carrier and tracking number, under the
 * correlation id of the file the order came in. Deliveries of orders that did not come through
 * Crossdock are left alone, and so is a delivery whose sale order Odoo no longer knows by the PO
 * Crossdock linked it to. The event id is derived from the picking, so seeing the same delivery
 * again publishes nothing new.
 */
@ApplicationScoped
@Named("shipmentDispatcher")
public class ShipmentDispatcher {

    private static final Logger LOG = Logger.getLogger(ShipmentDispatcher.class);
    private static final String SOURCE = "/crossdock/orchestration/shipments-from-odoo";

    private final OdooLookups odoo;
    private final OdooParties parties;
    private final OrderLinks links;
    private final EventPublisher events;
    private final Tracking tracking;
    private final OrderProcess process;
    private final io.crossdock.partner.PartnerDirectory partners;

    public ShipmentDispatcher(OdooLookups odoo, OdooParties parties, OrderLinks links, EventPublisher events, Tracking tracking,
            OrderProcess process, io.crossdock.partner.PartnerDirectory partners) {
        this.odoo = odoo;
        this.parties = parties;
        this.links = links;
        this.events = events;
        this.tracking = tracking;
        this.process = process;
        this.partners = partners;
    }

    /** Body: the validated outgoing picking as the odoo: consumer delivers it. */
    public void dispatched(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> picking = exchange.getMessage().getMandatoryBody(Map.class);
        String name = (String) picking.get("name");
        Optional<OrderLinks.Link> link = picking.get("sale_id") instanceof OdooRef sale
                ? odoo.linkedOrder(List.of(List.of("id", "=", sale.id()))) : Optional.empty();
        if (link.isEmpty()) {
            LOG.debugf("Delivery %s is not for an order that came through Crossdock; nothing to tell", name);
            return;
        }
        OrderLinks.Link order = link.get();
        Shipment shipment = shipment(picking, order);
        // The same delivery seen again (webhook and poll, a later write) is the same event; a picking name
        // reused by another Odoo database or after a restore is not.

        tracking.record(TrackingEntry.of("ODOO_DELIVERY_DONE", "odoo", "Odoo delivered " + name + " for PO " + order.poNumber()
                + (shipment.trackingNumber() == null ? "" : ", tracking " + shipment.trackingNumber()),
                order.partner() + "/" + order.poNumber(), order.partner(), order.correlationId()));
        process.mark(order.partner(), order.poNumber(), ProcessStep.SHIPPED, java.time.OffsetDateTime.now(ZoneOffset.UTC), order.correlationId());
        events.publish(EventType.SHIPMENT_DISPATCHED, shipment, EventContext.derived(order.correlationId(), order.partner(), SOURCE,
                name, picking.get("id"), picking.get("date_done"), EventType.SHIPMENT_DISPATCHED.eventName()))
                .get(30, TimeUnit.SECONDS);
    }

    /** A delivery of a Crossdock order as the canonical shipment, in the partner's terms; {@code date_done} empty while not shipped. */
    Shipment shipment(Map<String, Object> picking, OrderLinks.Link order) throws java.sql.SQLException {
        String name = (String) picking.get("name");
        Map<Long, OrderLinks.LineLink> lines = links.lines(order.odooOrderId());
        List<Shipment.PackedItem> items = new ArrayList<>();
        for (Map<String, Object> move : odoo.read("stock.move", picking.get("move_ids"), "product_id,quantity,sale_line_id,state")) {
            BigDecimal quantity = (BigDecimal) move.get("quantity");
            OrderLinks.LineLink line = move.get("sale_line_id") instanceof OdooRef saleLine ? lines.get(saleLine.id()) : null;
            if ("done".equals(move.get("state")) && quantity != null && quantity.signum() > 0 && line != null) {
                items.add(new Shipment.PackedItem(line.lineNumber(), line.product(), new Quantity(quantity.stripTrailingZeros(), line.unit())));
            }
        }
        BigDecimal weight = (BigDecimal) picking.get("weight");
        Shipment shipment = new Shipment(name, order.partner(), List.of(order.poNumber()), order.odooOrderName(), null,
                parties.party(Party.Role.SHIP_TO, order.partner(), picking.get("partner_id"), true), carrier(order.partner(), picking.get("carrier_id")),
                (String) picking.get("carrier_tracking_ref"), picking.get("date_done") instanceof Instant done ? done.atOffset(ZoneOffset.UTC) : null, null,
                List.of(new Shipment.ShipmentPackage(null, "CTN", weight != null && weight.signum() > 0 ? new Quantity(weight, "KG") : null,
                        items)));
        return shipment;
    }

    /** Odoo's carrier in the partner's terms: its code (SCAC) from the profile's {@code carriers}, Odoo's name beside it. */
    private Shipment.Carrier carrier(String partner, Object carrier) {
        if (!(carrier instanceof OdooRef ref)) {
            return null;
        }
        String code = partners.find(partner).map(profile -> profile.carrierCode(ref.name())).orElse(ref.name());
        return new Shipment.Carrier(code, ref.name(), null);
    }
}
