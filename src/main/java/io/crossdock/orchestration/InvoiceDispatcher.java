package io.crossdock.orchestration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Invoice;
import io.crossdock.canonical.Money;
import io.crossdock.canonical.Party;
import io.crossdock.canonical.Quantity;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventPublisher;
import io.crossdock.odoo.OdooRef;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import org.apache.camel.Exchange;
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

    private final OdooLookups odoo;
    private final OdooParties parties;
    private final OrderLinks links;
    private final EventPublisher events;
    private final Tracking tracking;
    private final OrderProcess process;

    public InvoiceDispatcher(OdooLookups odoo, OdooParties parties, OrderLinks links, EventPublisher events, Tracking tracking,
            OrderProcess process) {
        this.odoo = odoo;
        this.parties = parties;
        this.links = links;
        this.events = events;
        this.tracking = tracking;
        this.process = process;
    }

    /** Body: the posted customer invoice as the odoo: consumer delivers it. */
    public void posted(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> move = exchange.getMessage().getMandatoryBody(Map.class);
        String number = (String) move.get("name");
        Optional<OrderLinks.Link> link = move.get("invoice_origin") instanceof String origin
                ? odoo.linkedOrder(List.of(List.of("name", "=", origin))) : Optional.empty();
        if (link.isEmpty()) {
            LOG.debugf("Invoice %s is not for an order that came through Crossdock; nothing to tell", number);
            return;
        }
        OrderLinks.Link order = link.get();
        String currency = move.get("currency_id") instanceof OdooRef ref && ref.name() != null ? ref.name() : order.currency();
        Map<Long, OrderLinks.LineLink> orderLines = links.lines(order.odooOrderId());
        List<Invoice.InvoiceLine> lines = new ArrayList<>();
        int unlinked = 0;
        for (Map<String, Object> line : odoo.read("account.move.line", move.get("invoice_line_ids"),
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
                (LocalDate) move.get("invoice_date_due"), order.poNumber(), order.odooOrderName(), parties.company(move.get("company_id")),
                parties.party(Party.Role.BILL_TO, order.partner(), move.get("partner_id"), false), currency, lines, taxes, List.of(),
                new Invoice.Totals(money(untaxed, currency), money(tax == null ? BigDecimal.ZERO : tax, currency),
                        money(BigDecimal.ZERO, currency), money((BigDecimal) move.get("amount_total"), currency)), null);
        // Seen again (a payment writes it, webhook and poll) it is the same event; the same number from
        // another Odoo database or after a restore is not.

        tracking.record(TrackingEntry.of("ODOO_INVOICE_POSTED", "odoo", "Odoo posted invoice " + number + " for PO "
                + order.poNumber() + ": " + invoice.totals().total().amount() + " " + currency,
                order.partner() + "/" + order.poNumber(), order.partner(), order.correlationId()));
        process.mark(order.partner(), order.poNumber(), ProcessStep.INVOICED, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC),
                order.correlationId());
        events.publish(EventType.INVOICE_POSTED, invoice, EventContext.derived(order.correlationId(), order.partner(), SOURCE,
                number, move.get("id"), move.get("create_date"), EventType.INVOICE_POSTED.eventName()))
                .get(30, TimeUnit.SECONDS);
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount == null ? BigDecimal.ZERO : amount, currency);
    }
}
