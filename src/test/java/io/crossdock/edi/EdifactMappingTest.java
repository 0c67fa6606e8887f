package io.crossdock.edi;

import static io.crossdock.edi.ConformanceMappings.canonical;
import static io.crossdock.edi.ConformanceMappings.mapOne;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Invoice;
import io.crossdock.canonical.Order;
import io.crossdock.canonical.PartyIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The EDIFACT conformance messages through mappings/edifact. Each of the three files is also broken
 * at the envelope or character level (see EdiReaderConformanceTest and ContrlAcknowledgmentTest), so
 * the live path refuses them; what their messages mean is shown here, as the dry run shows it.
 */
class EdifactMappingTest {

    private static final Path EDIFACT = EdiReaderConformanceTest.EDIFACT;

    @Test
    void anEancomOrderWithDecimalCommaUnaBecomesAnOrderOfGlnPartiesAndGtinLines() throws Exception {
        JsonNode json = mapOne(EDIFACT.resolve("ORDERS_D96A_una_decimal_comma_missing_unz.edi"), "edifact/ORDERS.loops.yaml",
                "edifact/ORDERS-to-order.jsonata", 0);
        Order order = canonical(json, EventType.ORDER_RECEIVED, Order.class);

        assertThat(order.poNumber()).isEqualTo("801715918011");
        assertThat(order.purpose()).isEqualTo(Order.Purpose.ORIGINAL);
        assertThat(order.orderDate()).hasToString("2015-08-03");
        assertThat(order.requestedDeliveryDate()).hasToString("2015-08-06");
        assertThat(order.buyer().identifiers()).containsExactly(new PartyIdentifier(PartyIdentifier.Scheme.GLN, "8711576000012", null));
        assertThat(order.seller().identifiers()).containsExactly(new PartyIdentifier(PartyIdentifier.Scheme.GLN, "5020436000004", null));
        assertThat(order.shipTo().identifiers()).containsExactly(new PartyIdentifier(PartyIdentifier.Scheme.GLN, "8711576100019", null));
        assertThat(order.currency()).as("no CUX: the profile's default").isEqualTo("USD");
        assertThat(order.lines()).extracting(line -> line.lineNumber() + " " + line.product().gtin() + " " + line.quantity().value() + " "
                + line.quantity().unit()).containsExactly("1 5020436373085 8 EA", "2 5020436373108 8 EA");
    }

    @Test
    void anOrderInAFunctionalGroupCarriesItsBuyersItemNumberPriceAndNote() throws Exception {
        JsonNode json = mapOne(EDIFACT.resolve("ORDERS_D96B_ung_une_group_bad_unt.edi"), "edifact/ORDERS.loops.yaml",
                "edifact/ORDERS-to-order.jsonata", 0);
        Order order = canonical(json, EventType.ORDER_RECEIVED, Order.class);

        assertThat(order.poNumber()).isEqualTo("C1441747");
        assertThat(order.orderDate()).hasToString("2001-05-02");
        assertThat(order.seller().name()).isEqualTo("COMPANY ABC");
        assertThat(order.notes()).containsExactly("THIS IS AN EXAMPLE OF EDIFACT FILE.");
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.product().gtin()).isEqualTo("5400111864181");
            assertThat(line.product().sku()).as("PIA BP, the buyer's number").isEqualTo("8641800");
            assertThat(line.quantity().value()).isEqualByComparingTo("288");
            assertThat(line.unitPrice().amount()).isEqualByComparingTo("12.80");
        });
    }

    @Test
    void anInvoiceWhoseLinesAndChargeMakeItsTotalMapsToAnInvoice() throws Exception {
        JsonNode json = mapOne(EDIFACT.resolve("INVOIC_D97B_basic.edi"), "edifact/INVOIC.loops.yaml", "edifact/INVOIC-to-invoice.jsonata", 0);
        Invoice invoice = canonical(json, EventType.INVOICE_POSTED, Invoice.class);

        assertThat(invoice.invoiceNumber()).isEqualTo("342459");
        assertThat(invoice.kind()).isEqualTo(Invoice.Kind.INVOICE);
        assertThat(invoice.invoiceDate()).hasToString("2006-05-15");
        assertThat(invoice.poNumber()).isEqualTo("521052");
        assertThat(invoice.currency()).isEqualTo("USD");
        assertThat(invoice.seller().name()).isEqualTo("BÜTTNER WIDGET COMPANY");
        assertThat(invoice.buyer().identifiers()).containsExactly(new PartyIdentifier(PartyIdentifier.Scheme.DUNS, "792820524", null));
        assertThat(invoice.lines()).extracting(line -> line.product().sku() + " " + line.quantity().value().toPlainString() + " x "
                + line.unitPrice().amount().toPlainString() + " = " + line.lineTotal().amount().toPlainString()).containsExactly("157870 1020 x 1.179 = 1202.58",
                        "157871 20 x 20.5 = 410");
        assertThat(invoice.charges()).singleElement().satisfies(charge -> {
            assertThat(charge.code()).isEqualTo("ABG");
            assertThat(charge.amount().amount()).isEqualByComparingTo("525");
        });
        assertThat(invoice.totals().lines().amount()).isEqualByComparingTo("1612.58");
        assertThat(invoice.totals().total().amount()).isEqualByComparingTo("2137.58");
    }
}
