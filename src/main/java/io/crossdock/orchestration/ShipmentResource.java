package io.crossdock.orchestration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crossdock.api.Problem;
import io.crossdock.odoo.OdooRef;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Where an order's deliveries stand, from Odoo as it is now: {@code GET /api/v1/shipments/{key}}
 * with a shipment id (Odoo's delivery reference, WH/OUT/00012) or an order's tracking key
 * (partner/PO) for all of its deliveries. Shipped ones come as the canonical shipment the partner
 * was told about; the others with their state. Calling systems see their own orders' shipments only.
 */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    static final String PICKING_FIELDS = "name,state,origin,sale_id,partner_id,carrier_id,carrier_tracking_ref,date_done,move_ids,weight";

    private final OdooLookups odoo;
    private final OrderLinks links;
    private final ShipmentDispatcher shipments;
    private final SecurityIdentity caller;

    public ShipmentResource(OdooLookups odoo, OrderLinks links, ShipmentDispatcher shipments, SecurityIdentity caller) {
        this.odoo = odoo;
        this.links = links;
        this.shipments = shipments;
        this.caller = caller;
    }

    @GET
    @Path("/{key: .+}")
    @RolesAllowed({"channel", "operator", "admin"})
    public Response shipments(@PathParam("key") String key) throws Exception {
        List<Map<String, Object>> pickings = odoo.searchRead("stock.picking", List.of(List.of("name", "=", key),
                List.of("picking_type_code", "=", "outgoing")), PICKING_FIELDS, 0);
        if (pickings.isEmpty() && key.contains("/")) {
            Optional<OrderLinks.Link> order = links.byPurchaseOrder(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1));
            if (order.isPresent()) {
                pickings = odoo.searchRead("stock.picking", List.of(List.of("sale_id", "=", order.get().odooOrderId()),
                        List.of("picking_type_code", "=", "outgoing")), PICKING_FIELDS, 0);
            }
        }
        List<Map<String, Object>> answer = new ArrayList<>();
        boolean othersOnly = false;
        for (Map<String, Object> picking : pickings) {
            Optional<OrderLinks.Link> order = picking.get("sale_id") instanceof OdooRef sale
                    ? odoo.linkedOrder(List.of(List.of("id", "=", sale.id()))) : Optional.empty();
            if (order.isEmpty()) {
                continue;
            }
            if (!mayRead(order.get().partner())) {
                othersOnly = true;
                continue;
            }
            Map<String, Object> shipment = new LinkedHashMap<>();
            shipment.put("status", status((String) picking.get("state")));
            shipment.put("odooState", picking.get("state"));
            shipment.put("trackingKey", order.get().partner() + "/" + order.get().poNumber());
            shipment.put("shipment", shipments.shipment(picking, order.get()));
            answer.add(shipment);
        }
        if (answer.isEmpty()) {
            return othersOnly ? Problem.response(Response.Status.FORBIDDEN, "Not your shipment",
                    "A calling system sees its own orders' shipments only", List.of())
                    : Problem.response(Response.Status.NOT_FOUND, "Unknown shipment", "No delivery of a Crossdock order is known as "
                            + key + ": use Odoo's delivery reference (WH/OUT/00012) or partner/PO", List.of());
        }
        return Response.ok(Map.of("key", key, "shipments", answer)).build();
    }

    private boolean mayRead(String partner) {
        return caller.hasRole("operator") || caller.hasRole("admin") || caller.getPrincipal().getName().equals(partner);
    }

    private static String status(String odooState) {
        return switch (odooState == null ? "" : odooState) {
            case "done" -> "DISPATCHED";
            case "cancel" -> "CANCELLED";
            case "assigned" -> "READY";
            default -> "PENDING";
        };
    }
}
