package io.crossdock.orchestration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crossdock.canonical.Order;
import io.crossdock.canonical.OrderAcknowledgment.LineStatus;

/**
 * What Crossdock will do with one received order in Odoo: its customer and ship-to, each line's
 * product, quantity and price after the partner's policy, or why the order cannot be placed, and
 * the sale order already there when this order was seen before. Getters, because routes read it
 * with the simple language ({@code ${exchangeProperty.plan.rejected}}).
 */
public class OrderPlan {

    /** One of the partner's lines, as it will be ordered (or why not). */
    public record Line(Order.OrderLine ordered, Long productId, BigDecimal quantity, BigDecimal unitPrice, LineStatus status,
            String reason) {
    }

    private final Order order;
    private final String businessKey;
    private Long customerId;
    private Long shipToId;
    private final List<Line> lines = new ArrayList<>();
    private String rejection;
    private Long orderId;
    private String orderName;
    private String orderState;
    private String creditWarning;

    OrderPlan(Order order, String businessKey) {
        this.order = order;
        this.businessKey = businessKey;
    }

    public Order getOrder() {
        return order;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public boolean isRejected() {
        return rejection != null;
    }

    public String getRejection() {
        return rejection;
    }

    /** True when this PO is already a sale order in Odoo (a resend or a replay): nothing is created twice. */
    public boolean isKnownInOdoo() {
        return orderId != null;
    }

    public boolean isConfirmationNeeded() {
        return orderState == null || "draft".equals(orderState) || "sent".equals(orderState);
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getOrderName() {
        return orderName;
    }

    public List<Line> getLines() {
        return lines;
    }

    /** True when Odoo warned the order passes the customer's credit limit and the partner's policy holds it. */
    public boolean isCreditHold() {
        return creditWarning != null;
    }

    public String getCreditWarning() {
        return creditWarning;
    }

    void hold(String warning) {
        this.creditWarning = warning;
    }

    void reject(String reason) {
        this.rejection = reason;
    }

    void customer(long id) {
        this.customerId = id;
    }

    void shipTo(Long id) {
        this.shipToId = id;
    }

    void add(Line line) {
        lines.add(line);
    }

    void inOdoo(long id, String name, String state) {
        this.orderId = id;
        this.orderName = name;
        this.orderState = state;
    }

    /** The sale.order to create: its lines are the ones not rejected, with the price the policy settled on. */
    public Map<String, Object> saleOrder() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("partner_id", customerId);
        if (shipToId != null) {
            values.put("partner_shipping_id", shipToId);
        }
        values.put("client_order_ref", order.poNumber());
        values.put("origin", order.partner() + " PO " + order.poNumber());
        LocalDate requested = order.requestedDeliveryDate();
        if (requested != null) {
            values.put("commitment_date", requested.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (order.notes() != null && !order.notes().isEmpty()) {
            values.put("note", String.join("\n", order.notes()));
        }
        List<Map<String, Object>> orderLines = new ArrayList<>();
        for (Line line : lines) {
            if (line.status() != LineStatus.REJECTED) {
                orderLines.add(Map.of("product_id", line.productId(), "product_uom_qty", line.quantity(), "price_unit", line.unitPrice()));
            }
        }
        values.put("order_line", orderLines);
        return values;
    }
}
