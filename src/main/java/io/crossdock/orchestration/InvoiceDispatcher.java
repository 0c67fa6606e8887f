package io.crossdock.orchestration;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Invoice;
import io.crossdock.canonical.Money;
import io.crossdock.canonical.Party;
import io.crossdock.canonical.PartyIdentifier;
import io.crossdock.canonical.Quantity;
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
 * A customer invoice Odoo posted becomes {@code InvoicePosted}, in the partner's terms (its PO,
 * its line and item numbers) under the correlation id of the order's first file, when the
 * invoice's origin is an order that came through Crossdock and Odoo still knows it by that PO.
 */
@ApplicationScoped
@Named("invoiceDispatcher")
public class InvoiceDispatcher {

    private static final Logger LOG = Logger.getLogger(InvoiceDispatcher.class);
    private static final String SOURCE = "/crossdock/orchestration/invoices-from-odoo";

    private final ProducerTemplate odoo;
    private final OrderLinks links;
    private final EventPublisher events;
    private final Tracking tracking;

    public InvoiceDispatcher(ProducerTemplate odoo, OrderLinks links, EventPublisher events, Tracking tracking) {
        this.odoo = odoo;
        this.links = links;
        this.events = events;
        this.tracking = tracking;
    }

    /** Body: the posted customer invoice as the odoo: consumer delivers it. */
    public void posted(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> move = exchange.getMessage().getMandatoryBody(Map.class);
        String number = (String) move.get("name");
        Optional<OrderLinks.Link> link = order(move.get("invoice_origin"));
        if (link.isEmpty()) {
            LOG.debugf("Invoice %s is not for an order that came through Crossdock; nothing to tell", number);
            return;
        }
        OrderLinks.Link order = link.get();
        String currency = move.get("currency_id") instanceof OdooRef ref && ref.name() != null ? ref.name() : order.currency();
        Map<Long, OrderLinks.LineLink> orderLines = links.lines(order.odooOrderId());
        List<Invoice.InvoiceLine> lines = new ArrayList<>();
        int unlinked = 0;
        for (Map<String, Object> line : read("account.move.line", move.get("invoice_line_ids"),
                "product_id,quantity,price_unit,price_subtotal,sale_line_ids")) {
            List<?> saleLines = line.get("sale_line_ids") instanceof List<?> ids ? ids : List.of();
            OrderLinks.LineLink partnerLine = saleLines.isEmpty() ? null : orderLines.get(((Number) saleLines.get(0)).longValue());
            if (partnerLine == null) {
                unlinked++;
                continue;
            }
            lines.add(new Invoice.InvoiceLine(partnerLine.lineNumber(), partnerLine.product(),
                    new Quantity(((BigDecimal) line.get("quantity")).stripTrailingZeros(), partnerLine.unit()),
                    money((BigDecimal) line.get("price_unit"), currency), money((BigDecimal) line.get("price_subtotal"), currency), List.of()));
        }
        if (lines.isEmpty()) {
            LOG.warnf("Invoice %s for PO %s has no line Crossdock can name in %s's terms (%d lines not from its order); nothing is sent",
                    number, order.poNumber(), order.partner(), unlinked);
            return;
        }
        BigDecimal untaxed = (BigDecimal) move.get("amount_untaxed");
        BigDecimal tax = (BigDecimal) move.get("amount_tax");
        List<Invoice.TaxAmount> taxes = tax != null && tax.signum() != 0
                ? List.of(new Invoice.TaxAmount("TAX", null, money(untaxed, currency), money(tax, currency))) : List.of();
        Invoice invoice = new Invoice(number, Invoice.Kind.INVOICE, order.partner(), (LocalDate) move.get("invoice_date"),
                (LocalDate) move.get("invoice_date_due"), order.poNumber(), order.odooOrderName(), company(),
                party(order.partner(), move.get("partner_id")), currency, lines, taxes, List.of(),
                new Invoice.Totals(money(untaxed, currency), money(tax == null ? BigDecimal.ZERO : tax, currency),
                        money(BigDecimal.ZERO, currency), money((BigDecimal) move.get("amount_total"), currency)), null);
        // Seen again (a payment writes it, webhook and poll) it is the same event; the same number from
        // another Odoo database or after a restore is not.
        String eventId = UUID.nameUUIDFromBytes((number + "|" + move.get("id") + "|" + move.get("create_date") + "|"
                + EventType.INVOICE_POSTED.eventName()).getBytes(StandardCharsets.UTF_8)).toString();
        tracking.record(TrackingEntry.of("ODOO_INVOICE_POSTED", "odoo", "Odoo posted invoice " + number + " for PO "
                + order.poNumber() + ": " + invoice.totals().total().amount() + " " + currency,
                order.partner() + "/" + order.poNumber(), order.partner(), order.correlationId()));
        events.publish(EventType.INVOICE_POSTED, invoice, new EventContext(order.correlationId(), order.partner(), SOURCE, eventId))
                .get(30, TimeUnit.SECONDS);
    }

    /** The order an invoice's origin names, if Crossdock placed it and Odoo still knows it by that PO. */
    private Optional<OrderLinks.Link> order(Object origin) throws java.sql.SQLException {
        if (!(origin instanceof String name)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = odoo.requestBodyAndHeader("odoo:sale.order?operation=search_read&fields=client_order_ref&limit=1",
                null, OdooHeaders.DOMAIN, List.of(List.of("name", "=", name)), List.class);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<OrderLinks.Link> link = links.byOdooOrder(((Number) found.get(0).get("id")).longValue());
        return link.filter(l -> l.poNumber().equals(found.get(0).get("client_order_ref")));
    }

    private Party company() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> companies = odoo.requestBody("odoo:res.company?operation=search_read&fields=name&limit=1", null, List.class);
        Object id = companies.isEmpty() ? "1" : companies.get(0).get("id");
        return new Party(Party.Role.SUPPLIER, companies.isEmpty() ? null : (String) companies.get(0).get("name"),
                List.of(new PartyIdentifier(PartyIdentifier.Scheme.ODOO, String.valueOf(id), null)), null);
    }

    private Party party(String partner, Object partnerRef) {
        if (!(partnerRef instanceof OdooRef ref)) {
            return new Party(Party.Role.BILL_TO, null, List.of(new PartyIdentifier(PartyIdentifier.Scheme.PARTNER, partner, partner)), null);
        }
        Map<String, Object> customer = read("res.partner", List.of(ref.id()), "name,ref").get(0);
        PartyIdentifier id = customer.get("ref") != null
                ? new PartyIdentifier(PartyIdentifier.Scheme.PARTNER, (String) customer.get("ref"), partner)
                : new PartyIdentifier(PartyIdentifier.Scheme.ODOO, String.valueOf(ref.id()), null);
        return new Party(Party.Role.BILL_TO, (String) customer.get("name"), List.of(id), null);
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount == null ? BigDecimal.ZERO : amount, currency);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> read(String model, Object ids, String fields) {
        return odoo.requestBodyAndHeader("odoo:" + model + "?operation=read&fields=" + fields, null, OdooHeaders.IDS, ids, List.class);
    }
}
