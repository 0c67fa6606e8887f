package io.crossdock.orchestration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.canonical.ExchangeNames;
import io.crossdock.canonical.Address;
import io.crossdock.canonical.Order;
import io.crossdock.canonical.OrderAcknowledgment.LineStatus;
import io.crossdock.canonical.Party;
import io.crossdock.canonical.PartyIdentifier;
import io.crossdock.partner.PartnerDirectory;
import io.crossdock.partner.PartnerProfile;
import org.apache.camel.Exchange;

/**
 * Turns a received order into an {@link OrderPlan} by asking Odoo (through the {@code odoo:}
 * component) who the customer and ship-to are, which products the lines name and at what price,
 * and whether this PO is already a sale order; the partner's {@code orders} policy decides what
 * happens to lines Odoo cannot take as sent. Four Odoo reads per order at most, whatever its size.
 */
@ApplicationScoped
@Named("orderResolver")
public class OrderResolver {


    private final OdooLookups odoo;
    private final OdooGeography geography;
    private final PartnerDirectory partners;
    private final OrderProcess process;

    public OrderResolver(OdooLookups odoo, OdooGeography geography, PartnerDirectory partners, OrderProcess process) {
        this.odoo = odoo;
        this.geography = geography;
        this.partners = partners;
        this.process = process;
    }

    /** Body: the canonical order. Afterwards the plan is the exchange property {@code plan} and the body the sale.order to create. */
    public void resolve(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
        Order order = exchange.getMessage().getMandatoryBody(Order.class);
        String key = exchange.getMessage().getHeader(ExchangeNames.BUSINESS_KEY, order.poNumber(), String.class);
        PartnerProfile.Orders policy = partners.find(order.partner()).map(PartnerProfile::ordersOrDefaults)
                .orElse(PartnerProfile.Orders.DEFAULTS);
        OrderPlan plan = new OrderPlan(order, key);
        exchange.setProperty(ExchangeNames.PLAN, plan);
        exchange.getMessage().setBody(null);

        Long customer = customer(policy, order);
        if (customer == null) {
            plan.reject("No Odoo customer for partner " + order.partner() + (policy.customer() != null
                    ? " (orders.customer '" + policy.customer() + "' is no res.partner ref)"
                    : ": none of the buyer's identifiers " + values(order.buyer()) + " is a res.partner ref"));
            return;
        }
        plan.customer(customer);
        List<Map<String, Object>> existing = odoo.searchRead("sale.order", List.of(List.of("client_order_ref", "=", order.poNumber()),
                List.of("partner_id", "=", customer)), "name,state", 1);
        if (!existing.isEmpty()) {
            Map<String, Object> known = existing.get(0);
            plan.inOdoo(((Number) known.get("id")).longValue(), (String) known.get("name"), (String) known.get("state"));
        }
        plan.shipTo(shipTo(policy, customer, order.shipTo()));
        planLines(policy, order, plan);
        exchange.getMessage().setBody(plan.isRejected() ? null : plan.saleOrder());
    }

    /** After the create: the new sale order's id. */
    public void created(Exchange exchange) throws org.apache.camel.InvalidPayloadException, java.sql.SQLException {
        OrderPlan plan = exchange.getProperty(ExchangeNames.PLAN, OrderPlan.class);
        plan.inOdoo(exchange.getMessage().getMandatoryBody(Long.class), null, "draft");
        process.mark(plan.getOrder().partner(), plan.getOrder().poNumber(), ProcessStep.CREATED_IN_ODOO,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), exchange.getMessage().getHeader("correlationId", String.class));
    }

    /** Body: the quotation read back with Odoo's {@code partner_credit_warning}; the partner's policy decides. */
    public void creditChecked(Exchange exchange) {
        OrderPlan plan = exchange.getProperty(ExchangeNames.PLAN, OrderPlan.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> read = exchange.getMessage().getBody(List.class);
        Object warning = read == null || read.isEmpty() ? null : read.get(0).get("partner_credit_warning");
        String policy = partners.find(plan.getOrder().partner()).map(PartnerProfile::ordersOrDefaults)
                .orElse(PartnerProfile.Orders.DEFAULTS).onCreditLimitOrDefault();
        if (warning instanceof String text && !text.isBlank() && "hold".equals(policy)) {
            plan.hold(text.strip());
        }
    }

    private Long customer(PartnerProfile.Orders policy, Order order) {
        List<String> refs = policy.customer() != null ? List.of(policy.customer()) : values(order.buyer());
        if (refs.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> found = odoo.searchRead("res.partner", List.of(List.of("ref", "in", refs),
                List.of("parent_id", "=", false)), "ref", 0);
        for (String ref : refs) {
            for (Map<String, Object> partner : found) {
                if (ref.equals(partner.get("ref"))) {
                    return ((Number) partner.get("id")).longValue();
                }
            }
        }
        return null;
    }

    /** The ship-to as a delivery address of the customer, known by the partner's code for it. */
    private Long shipTo(PartnerProfile.Orders policy, long customer, Party shipTo) {
        if (shipTo == null || values(shipTo).isEmpty()) {
            return null;
        }
        String ref = values(shipTo).get(0);
        List<Map<String, Object>> found = odoo.searchRead("res.partner", List.of(List.of("parent_id", "=", customer),
                List.of("type", "=", "delivery"), List.of("ref", "=", ref)), "ref", 1);
        if (!found.isEmpty()) {
            return ((Number) found.get(0).get("id")).longValue();
        }
        if (!policy.createShipToOrDefault()) {
            return null;
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("parent_id", customer);
        address.put("type", "delivery");
        address.put("ref", ref);
        address.put("name", shipTo.name() != null ? shipTo.name() : ref);
        Address where = shipTo.address();
        if (where != null) {
            List<String> street = where.street() == null ? List.of() : where.street().stream().filter(Objects::nonNull).toList();
            address.put("street", street.isEmpty() ? null : street.get(0));
            address.put("street2", street.size() > 1 ? street.get(1) : null);
            address.put("city", where.city());
            address.put("zip", where.postalCode());
            // res.partner holds the country and state as many2ones; its country_code is read-only.
            geography.country(where.country()).ifPresent(country -> {
                address.put("country_id", country);
                geography.state(country, where.region()).ifPresent(state -> address.put("state_id", state));
            });
        }
        return odoo.create("res.partner", address);
    }

    private void planLines(PartnerProfile.Orders policy, Order order, OrderPlan plan) {
        List<String> skus = new ArrayList<>();
        List<String> gtins = new ArrayList<>();
        for (Order.OrderLine line : order.lines()) {
            if (line.product().sku() != null) {
                skus.add(line.product().sku());
            }
            if (line.product().gtin() != null) {
                gtins.add(line.product().gtin());
            }
        }
        List<Map<String, Object>> products = odoo.searchRead("product.product", List.of("|", List.of("default_code", "in", skus),
                List.of("barcode", "in", gtins)), "default_code,barcode,list_price,free_qty", 0);
        // A resend of an order Odoo already confirmed is not checked again: its own reservation is not free stock.
        Map<Long, BigDecimal> free = !plan.isKnownInOdoo() || plan.isConfirmationNeeded() ? new java.util.HashMap<>() : null;
        List<String> unknown = new ArrayList<>();
        for (Order.OrderLine line : order.lines()) {
            Map<String, Object> product = products.stream()
                    .filter(p -> line.product().sku() != null && line.product().sku().equals(p.get("default_code"))).findFirst()
                    .or(() -> products.stream().filter(p -> line.product().gtin() != null
                            && line.product().gtin().equals(p.get("barcode"))).findFirst())
                    .orElse(null);
            BigDecimal quantity = line.quantity().value();
            BigDecimal asked = line.unitPrice() == null ? null : line.unitPrice().amount();
            if (product == null) {
                unknown.add(line.lineNumber());
                plan.add(new OrderPlan.Line(line, null, quantity, asked, LineStatus.REJECTED,
                        "unknown product " + describe(line)));
                continue;
            }
            long productId = ((Number) product.get("id")).longValue();
            BigDecimal listPrice = (BigDecimal) product.get("list_price");
            if (asked == null || listPrice == null || withinTolerance(asked, listPrice, policy.priceToleranceOrDefault())) {
                plan.add(checkStock(policy, free, product, new OrderPlan.Line(line, productId, quantity, asked != null ? asked : listPrice,
                        LineStatus.ACCEPTED, null)));
                continue;
            }
            String mismatch = "price " + asked + " differs from Odoo's " + listPrice + " by more than "
                    + policy.priceToleranceOrDefault().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
            switch (policy.onPriceMismatchOrDefault()) {
                case "use-odoo-price" -> plan.add(checkStock(policy, free, product, new OrderPlan.Line(line, productId, quantity, listPrice,
                        LineStatus.CHANGED, mismatch + "; Odoo's price applies")));
                case "use-partner-price" -> plan.add(checkStock(policy, free, product, new OrderPlan.Line(line, productId, quantity, asked,
                        LineStatus.ACCEPTED, null)));
                default -> plan.add(new OrderPlan.Line(line, productId, quantity, asked, LineStatus.REJECTED, mismatch));
            }
        }
        if (!unknown.isEmpty() && "reject-order".equals(policy.onUnknownProductOrDefault())) {
            plan.reject("PO " + order.poNumber() + " names products Odoo does not know (lines " + String.join(", ", unknown) + ")");
        } else if (plan.getLines().stream().allMatch(line -> line.status() == LineStatus.REJECTED)) {
            plan.reject("No line of PO " + order.poNumber() + " can be ordered: " + plan.getLines().stream()
                    .map(line -> "line " + line.ordered().lineNumber() + " " + line.reason()).toList());
        }
    }

    /**
     * Holds a line against Odoo's free stock (what is on hand and not reserved), lines of one product
     * drawing on the same stock in the PO's order. Short lines are backordered (still ordered: Odoo
     * ships what it has and backorders the rest) or refused, per the partner's {@code onShortage}.
     */
    private static OrderPlan.Line checkStock(PartnerProfile.Orders policy, Map<Long, BigDecimal> free, Map<String, Object> product,
            OrderPlan.Line line) {
        if (free == null || "ignore".equals(policy.onShortageOrDefault()) || !(product.get("free_qty") instanceof BigDecimal stock)) {
            return line;
        }
        BigDecimal left = free.computeIfAbsent(line.productId(), id -> stock.max(BigDecimal.ZERO));
        if (left.compareTo(line.quantity()) >= 0) {
            free.put(line.productId(), left.subtract(line.quantity()));
            return line;
        }
        String shortage = "only " + left.stripTrailingZeros().toPlainString() + " of " + line.quantity().stripTrailingZeros().toPlainString()
                + " free in stock";
        if ("reject-line".equals(policy.onShortageOrDefault())) {
            return new OrderPlan.Line(line.ordered(), line.productId(), line.quantity(), line.unitPrice(), LineStatus.REJECTED, shortage);
        }
        free.put(line.productId(), BigDecimal.ZERO);
        return new OrderPlan.Line(line.ordered(), line.productId(), line.quantity(), line.unitPrice(),
                line.status() == LineStatus.CHANGED ? LineStatus.CHANGED : LineStatus.BACKORDERED,
                (line.reason() == null ? "" : line.reason() + "; ") + shortage + ", the rest is backordered");
    }

    private static boolean withinTolerance(BigDecimal asked, BigDecimal listPrice, BigDecimal tolerance) {
        if (listPrice.signum() == 0) {
            return asked.signum() == 0;
        }
        return asked.subtract(listPrice).abs().divide(listPrice, 6, RoundingMode.HALF_UP).compareTo(tolerance) <= 0;
    }

    private static String describe(Order.OrderLine line) {
        var product = line.product();
        return product.sku() != null ? "SKU " + product.sku() : product.gtin() != null ? "GTIN " + product.gtin()
                : product.description() != null ? "'" + product.description() + "'" : "on line " + line.lineNumber();
    }

    private static List<String> values(Party party) {
        return party == null ? List.of() : party.identifiers().stream().map(PartyIdentifier::value).toList();
    }
}
