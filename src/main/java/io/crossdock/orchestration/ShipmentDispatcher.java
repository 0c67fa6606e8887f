package io.crossdock.orchestration;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.canonical.Address;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Party;
import io.crossdock.canonical.PartyIdentifier;
import io.crossdock.canonical.Quantity;
import io.crossdock.canonical.Shipment;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventPublisher;
import io.crossdock.odoo.OdooHeaders;
import io.crossdock.odoo.OdooRef;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
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

    private final ProducerTemplate odoo;
    private final OrderLinks links;
    private final EventPublisher events;
    private final Tracking tracking;

    public ShipmentDispatcher(ProducerTemplate odoo, OrderLinks links, EventPublisher events, Tracking tracking) {
        this.odoo = odoo;
        this.links = links;
        this.events = events;
        this.tracking = tracking;
    }

    /** Body: the validated outgoing picking as the odoo: consumer delivers it. */
    public void dispatched(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> picking = exchange.getMessage().getMandatoryBody(Map.class);
        String name = (String) picking.get("name");
        Optional<OrderLinks.Link> link = picking.get("sale_id") instanceof OdooRef sale ? links.byOdooOrder(sale.id()) : Optional.empty();
        if (link.isEmpty()) {
            LOG.debugf("Delivery %s is not for an order that came through Crossdock; nothing to tell", name);
            return;
        }
        OrderLinks.Link order = link.get();
        Map<String, Object> saleOrder = read("sale.order", List.of(order.odooOrderId()), "client_order_ref").get(0);
        if (!order.poNumber().equals(saleOrder.get("client_order_ref"))) {
            LOG.warnf("Delivery %s is for Odoo sale order %d, which Crossdock knew as PO %s of %s but Odoo now calls %s"
                    + " (restored from a backup?); nothing is sent", name, order.odooOrderId(), order.poNumber(), order.partner(),
                    saleOrder.get("client_order_ref"));
            return;
        }
        Map<Long, OrderLinks.LineLink> lines = links.lines(order.odooOrderId());
        List<Shipment.PackedItem> items = new ArrayList<>();
        for (Map<String, Object> move : read("stock.move", picking.get("move_ids"), "product_id,quantity,sale_line_id,state")) {
            BigDecimal quantity = (BigDecimal) move.get("quantity");
            OrderLinks.LineLink line = move.get("sale_line_id") instanceof OdooRef saleLine ? lines.get(saleLine.id()) : null;
            if ("done".equals(move.get("state")) && quantity != null && quantity.signum() > 0 && line != null) {
                items.add(new Shipment.PackedItem(line.lineNumber(), line.product(), new Quantity(quantity.stripTrailingZeros(), line.unit())));
            }
        }
        BigDecimal weight = (BigDecimal) picking.get("weight");
        Shipment shipment = new Shipment(name, order.partner(), List.of(order.poNumber()), order.odooOrderName(), null,
                shipTo(order.partner(), picking.get("partner_id")), carrier(picking.get("carrier_id")),
                (String) picking.get("carrier_tracking_ref"), ((Instant) picking.get("date_done")).atOffset(ZoneOffset.UTC), null,
                List.of(new Shipment.ShipmentPackage(null, "CTN", weight != null && weight.signum() > 0 ? new Quantity(weight, "KG") : null,
                        items)));
        // The same delivery seen again (webhook and poll, a later write) is the same event; a picking name
        // reused by another Odoo database or after a restore is not.
        String eventId = UUID.nameUUIDFromBytes((name + "|" + picking.get("id") + "|" + picking.get("date_done") + "|"
                + EventType.SHIPMENT_DISPATCHED.eventName()).getBytes(StandardCharsets.UTF_8)).toString();
        tracking.record(TrackingEntry.of("ODOO_DELIVERY_DONE", "odoo", "Odoo delivered " + name + " for PO " + order.poNumber()
                + (shipment.trackingNumber() == null ? "" : ", tracking " + shipment.trackingNumber()),
                order.partner() + "/" + order.poNumber(), order.partner(), order.correlationId()));
        events.publish(EventType.SHIPMENT_DISPATCHED, shipment, new EventContext(order.correlationId(), order.partner(), SOURCE, eventId))
                .get(30, TimeUnit.SECONDS);
    }

    private Party shipTo(String partner, Object partnerRef) {
        if (!(partnerRef instanceof OdooRef ref)) {
            return new Party(Party.Role.SHIP_TO, null, List.of(new PartyIdentifier(PartyIdentifier.Scheme.PARTNER, "unknown", partner)), null);
        }
        Map<String, Object> address = read("res.partner", List.of(ref.id()), "name,ref,street,street2,city,zip,state_code,country_code").get(0);
        PartyIdentifier id = address.get("ref") != null
                ? new PartyIdentifier(PartyIdentifier.Scheme.PARTNER, (String) address.get("ref"), partner)
                : new PartyIdentifier(PartyIdentifier.Scheme.ODOO, String.valueOf(ref.id()), null);
        List<String> street = new ArrayList<>();
        for (String field : List.of("street", "street2")) {
            if (address.get(field) != null) {
                street.add((String) address.get(field));
            }
        }
        return new Party(Party.Role.SHIP_TO, (String) address.get("name"), List.of(id), new Address(street,
                (String) address.get("city"), (String) address.get("state_code"), (String) address.get("zip"),
                (String) address.get("country_code")));
    }

    private static Shipment.Carrier carrier(Object carrier) {
        return carrier instanceof OdooRef ref ? new Shipment.Carrier(ref.name(), ref.name(), null) : null;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> read(String model, Object ids, String fields) {
        return odoo.requestBodyAndHeader("odoo:" + model + "?operation=read&fields=" + fields, null, OdooHeaders.IDS, ids, List.class);
    }
}
