package io.crossdock.edi;

import static io.crossdock.edi.ConformanceMappings.canonical;
import static io.crossdock.edi.ConformanceMappings.mapOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Invoice;
import io.crossdock.canonical.OrderAcknowledgment;
import io.crossdock.canonical.Shipment;
import org.junit.jupiter.api.Test;

/** Documents from suppliers (we are the buyer) in the conformance set, through the mappings in mappings/x12. */
class SupplierDocumentMappingTest {

    private static final Path X12 = EdiReaderConformanceTest.X12;

    @Test
    void theFirstOfTwoInvoicesIsAValidInvoiceWhoseLinesMakeItsTotal() throws Exception {
        JsonNode json = mapOne(X12.resolve("810_two_invoices_one_group.edi"), "x12/810.loops.yaml", "x12/810-to-invoice.jsonata", 0);
        Invoice invoice = canonical(json, EventType.INVOICE_POSTED, Invoice.class);

        assertThat(invoice.invoiceNumber()).isEqualTo("00001");
        assertThat(invoice.kind()).isEqualTo(Invoice.Kind.INVOICE);
        assertThat(invoice.invoiceDate()).hasToString("1997-12-11");
        assertThat(invoice.poNumber()).isEqualTo("A99999-01");
        assertThat(invoice.seller().name()).isEqualTo("FOODSELLER");
        assertThat(invoice.buyer().name()).isEqualTo("BUYSNACKS");
        assertThat(invoice.buyer().address().city()).isEqualTo("TEMPLE");
        assertThat(invoice.lines()).hasSize(7);
        assertThat(invoice.lines()).extracting(line -> line.lineNumber() + " " + line.quantity().value() + " " + line.product().gtin())
                .startsWith("1 16 002840022222", "2 13 002840033333");
        assertThat(invoice.lines().get(0).product().description()).isEqualTo("CRUNCHY CHIPS LSS");
        assertThat(invoice.totals().lines().amount()).isEqualByComparingTo("2554.38");
        assertThat(invoice.totals().total().amount()).isEqualByComparingTo("2554.38");
        assertThat(invoice.terms().description()).isEqualTo("1/15 NET 30");
        assertThat(invoice.terms().discountPercent()).isEqualByComparingTo("1");
        assertThat(invoice.terms().discountDays()).isEqualTo(15);
        assertThat(invoice.dueDate()).as("invoice date plus ITD07's 16 net days").hasToString("1997-12-27");
    }

    @Test
    void theSecondInvoiceCopiedTheFirstsTotalAndIsRefusedByName() {
        // Its two lines come to 150 x 12.34 = 1851.00, but its TDS repeats the first invoice's 2554.38.
        assertThatThrownBy(() -> mapOne(X12.resolve("810_two_invoices_one_group.edi"), "x12/810.loops.yaml", "x12/810-to-invoice.jsonata", 1))
                .isInstanceOf(DocumentMapping.MappingException.class)
                .hasMessageContaining("TDS01 says the invoice totals 2554.38 but its lines come to 1851.00, tax 0.00 and charges 0.00");
    }

    @Test
    void anAcknowledgmentThatSaysNoChangeOverRefusedLinesIsAChangedOrder() throws Exception {
        JsonNode json = mapOne(X12.resolve("855_po_ack_line_items.edi"), "x12/855.loops.yaml", "x12/855-to-order-ack.jsonata", 0);
        OrderAcknowledgment ack = canonical(json, EventType.ORDER_ACCEPTED, OrderAcknowledgment.class);

        assertThat(ack.poNumber()).isEqualTo("POTEST1112");
        assertThat(ack.orderReference()).isEqualTo("60169126");
        assertThat(ack.status()).as("BAK02 says AD, but lines 2 and 3 are refused").isEqualTo(OrderAcknowledgment.Status.CHANGED);
        assertThat(ack.acknowledgedOn()).hasToString("2020-10-15");
        assertThat(ack.reason()).isEqualTo("ORDER PROCESSED");
        assertThat(ack.lines()).extracting(line -> line.lineNumber() + " " + line.status() + " " + line.quantity().value() + " "
                + line.product().gtin() + " " + line.scheduledDate()).containsExactly(
                        "1 ACCEPTED 3 9780446360265 2004-12-31", "2 REJECTED 0 9780767928427 2007-10-09",
                        "3 REJECTED 0 9780099599531 2004-12-31", "4 ACCEPTED 2 9780446360272 2004-12-31");
        assertThat(ack.lines().get(1).reason()).isEqualTo("ACK29 industry code CW");
        assertThat(ack.lines().get(1).unitPrice().amount()).isEqualByComparingTo("15.99");
    }

    @Test
    void aShipNoticeRebuildsItsShipmentOrderAndItemLevels() throws Exception {
        JsonNode json = mapOne(X12.resolve("856_asn_sohi.edi"), "x12/856.loops.yaml", "x12/856-to-shipment.jsonata", 0);
        Shipment shipment = canonical(json, EventType.SHIPMENT_DISPATCHED, Shipment.class);

        assertThat(shipment.shipmentId()).isEqualTo("829716");
        assertThat(shipment.poNumbers()).containsExactly("99999817");
        assertThat(shipment.shippedAt()).hasToString("2011-12-06T14:24:28Z");
        assertThat(shipment.carrier().code()).isEqualTo("XXXX");
        assertThat(shipment.trackingNumber()).isEqualTo("5787970539");
        assertThat(shipment.shipFrom().name()).isEqualTo("1 EDI SOURCE");
        assertThat(shipment.shipTo().name()).as("no ST party: the ordering party's address").isEqualTo("XYZ RETAIL");
        assertThat(shipment.shipTo().address().postalCode()).as("ISA11 '-' split the ZIP+4 into two repetitions").isEqualTo("31139-0020");
        assertThat(shipment.packages()).singleElement().satisfies(pack -> {
            assertThat(pack.grossWeight().value()).isEqualByComparingTo("60.310");
            assertThat(pack.grossWeight().unit()).isEqualTo("LB");
            assertThat(pack.items()).extracting(item -> item.lineNumber() + " " + item.quantity().value() + " " + item.product().gtin() + " "
                    + item.product().partnerItemNumbers().get(0).value()).containsExactly("1 24 999999310145 87787D", "2 6 999999311746 99887D");
        });
    }
}
