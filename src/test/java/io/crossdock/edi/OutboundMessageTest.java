package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Invoice;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EDIFACT messages we send (ORDRSP, DESADV, INVOIC), made by the mappings under mappings/edifact, read back by our own reader. */
class OutboundMessageTest {

    private static final OurIdentity US = new OurIdentity("14", "5013546107732", "5013546107732");
    private static final OutboundMessage.Addressee DEMO_EU = new OutboundMessage.Addressee("14", "5400110000009", "UNOC", "3");
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 9, 30);

    @Test
    void anAcknowledgmentWithChangedLinesMakesAnOrderResponseLinePerLine() throws Exception {
        String ordrsp = write("ORDRSP", "edifact/order-ack-to-ORDRSP.jsonata", """
                {"poNumber": "EU-PO-7", "partner": "demo-eu", "orderReference": "S00042", "status": "CHANGED", "acknowledgedOn": "2026-11-22",
                 "lines": [
                   {"lineNumber": "1", "status": "ACCEPTED", "product": {"sku": "SKU-1001", "gtin": "061414110001"},
                    "quantity": {"value": 24, "unit": "EA"}, "unitPrice": {"amount": 3.49, "currency": "EUR"}, "scheduledDate": "2026-12-01"},
                   {"lineNumber": "2", "status": "BACKORDERED", "product": {"sku": "SKU-2002"}, "quantity": {"value": 12, "unit": "EA"},
                    "scheduledDate": "2026-12-15"},
                   {"lineNumber": "3", "status": "REJECTED", "product": {"gtin": "061414110003"}, "quantity": {"value": 5, "unit": "EA"},
                    "reason": "Unknown product: no SKU or GTIN 061414110003 in Odoo"}]}
                """, "D:96A:UN:EAN005");

        assertThat(ordrsp).contains("UNB+UNOC:3+5013546107732:14+5400110000009:14+261122:0930+42'")
                .contains("UNH+1+ORDRSP:D:96A:UN:EAN005'").contains("BGM+231+S00042+4'").contains("DTM+137:20261122:102'")
                .contains("RFF+ON:EU-PO-7'").contains("RFF+VN:S00042'")
                .contains("LIN+1+5+061414110001:EN'PIA+5+SKU-1001:SA'QTY+21:24:EA'DTM+69:20261201:102'PRI+AAA:3.49'")
                .contains("LIN+2+6'PIA+5+SKU-2002:SA'QTY+21:12:EA'QTY+83:12:EA'DTM+69:20261215:102'")
                .contains("LIN+3+7+061414110003:EN'QTY+21:5:EA'FTX+AAO+++Unknown product?: no SKU or GTIN 061414110003 in Odoo'")
                .contains("UNS+S'CNT+2:3'").contains("UNT+21+1'").contains("UNZ+1+42'");
        EdiTransaction read = readBack(ordrsp);
        assertThat(read.type()).isEqualTo("ORDRSP");
        assertThat(read.errors()).isEmpty();
        assertThat(read.segments()).filteredOn(segment -> "FTX".equals(segment.tag())).singleElement()
                .satisfies(ftx -> assertThat(ftx.element(4, 1)).isEqualTo("Unknown product: no SKU or GTIN 061414110003 in Odoo"));
    }

    @Test
    void aShipmentMakesADespatchAdvicePackedByPackageWithItsSscc() throws Exception {
        String desadv = write("DESADV", "edifact/shipment-to-DESADV.jsonata", """
                {"shipmentId": "WH/OUT/00007", "partner": "demo-eu", "poNumbers": ["EU-PO-7"], "shippedAt": "2026-11-23T14:05:00Z",
                 "trackingNumber": "1Z999AA10123456784", "carrier": {"code": "UPSN", "name": "UPS Ground"},
                 "shipTo": {"role": "SHIP_TO", "name": "DEMO EU DC 1", "identifiers": [{"scheme": "GLN", "value": "5400110000016"}]},
                 "packages": [
                   {"sscc": "354001100000000017", "grossWeight": {"value": 12.5, "unit": "KGM"},
                    "items": [{"lineNumber": "1", "product": {"sku": "SKU-1001", "gtin": "061414110001"}, "quantity": {"value": 24, "unit": "EA"}}]},
                   {"items": [{"lineNumber": "2", "product": {"sku": "SKU-2002"}, "quantity": {"value": 6, "unit": "EA"}}]}]}
                """, "D:96A:UN:EAN005");

        assertThat(desadv).contains("UNH+1+DESADV:D:96A:UN:EAN005'").contains("BGM+351+WH/OUT/00007+9'")
                .contains("DTM+11:20261123:102'").contains("RFF+ON:EU-PO-7'RFF+CN:1Z999AA10123456784'")
                .contains("NAD+ST+5400110000016::9++DEMO EU DC 1'").contains("TDT+20++++UPSN:::UPS Ground'")
                .contains("CPS+1'CPS+2+1'PAC+1++CT'MEA+PD+AAB+KGM:12.5'PCI+33E'GIN+BJ+354001100000000017'")
                .contains("LIN+1++061414110001:EN'PIA+5+SKU-1001:SA'QTY+12:24:EA'RFF+ON:EU-PO-7'")
                .contains("CPS+3+1'PAC+1++CT'LIN+2'PIA+5+SKU-2002:SA'QTY+12:6:EA'")
                .contains("CNT+2:2'");
        assertThat(readBack(desadv).errors()).isEmpty();
    }

    @Test
    void anInvoiceIsReadBackByThePartnersOwnInvoiceMappingWithTheSameTotals(@TempDir Path dir) throws Exception {
        String invoic = write("INVOIC", "edifact/invoice-to-INVOIC.jsonata", """
                {"invoiceNumber": "INV/2026/00042", "kind": "INVOICE", "partner": "demo-eu", "invoiceDate": "2026-11-24",
                 "dueDate": "2026-12-24", "poNumber": "EU-PO-7", "orderReference": "S00042", "currency": "EUR",
                 "seller": {"role": "SUPPLIER", "name": "Crossdock Distribution", "identifiers": [{"scheme": "GLN", "value": "5013546107732"}]},
                 "buyer": {"role": "BILL_TO", "name": "Demo EU Retail", "identifiers": [{"scheme": "GLN", "value": "5400110000009"}],
                           "address": {"street": ["Rue du Port 1"], "city": "Antwerpen", "postalCode": "2000", "country": "BE"}},
                 "lines": [
                   {"lineNumber": "1", "product": {"sku": "SKU-1001", "gtin": "061414110001"}, "quantity": {"value": 24, "unit": "EA"},
                    "unitPrice": {"amount": 3.49, "currency": "EUR"}, "lineTotal": {"amount": 83.76, "currency": "EUR"}, "taxCodes": ["VAT"]},
                   {"lineNumber": "2", "product": {"gtin": "061414110002"}, "quantity": {"value": 2, "unit": "EA"},
                    "unitPrice": {"amount": 10.00, "currency": "EUR"}, "lineTotal": {"amount": 20.00, "currency": "EUR"}, "taxCodes": ["VAT"]}],
                 "taxes": [{"code": "VAT", "ratePercent": 21, "base": {"amount": 98.76, "currency": "EUR"},
                            "amount": {"amount": 20.74, "currency": "EUR"}}],
                 "charges": [{"code": "FC", "description": "Freight", "amount": {"amount": 5.00, "currency": "EUR"}},
                             {"code": "DI", "description": "Volume discount", "amount": {"amount": -10.00, "currency": "EUR"}}],
                 "totals": {"lines": {"amount": 103.76, "currency": "EUR"}, "tax": {"amount": 20.74, "currency": "EUR"},
                            "charges": {"amount": -5.00, "currency": "EUR"}, "total": {"amount": 119.50, "currency": "EUR"}}}
                """, "D:96A:UN:EAN008");

        assertThat(invoic).contains("BGM+380+INV/2026/00042+9'").contains("DTM+13:20261224:102'")
                .contains("NAD+BY+5400110000009::9++Demo EU Retail+Rue du Port 1+Antwerpen++2000+BE'").contains("CUX+2:EUR:4'")
                .contains("LIN+1++061414110001:EN'PIA+5+SKU-1001:SA'QTY+47:24:EA'MOA+203:83.76'PRI+AAA:3.49'TAX+7+VAT+++:::21'")
                .contains("UNS+S'CNT+2:2'MOA+79:103.76'MOA+86:119.50'").contains("ALC+C++++FC:::Freight'MOA+23:5.00'")
                .contains("ALC+A++++DI:::Volume discount'MOA+204:10.00'");
        Path file = Files.writeString(dir.resolve("INVOIC.edi"), invoic, StandardCharsets.ISO_8859_1);
        Invoice back = ConformanceMappings.canonical(ConformanceMappings.mapOne(file, "edifact/INVOIC.loops.yaml",
                "edifact/INVOIC-to-invoice.jsonata", 0), EventType.INVOICE_POSTED, Invoice.class);

        assertThat(back.invoiceNumber()).isEqualTo("INV/2026/00042");
        assertThat(back.poNumber()).isEqualTo("EU-PO-7");
        assertThat(back.dueDate()).hasToString("2026-12-24");
        assertThat(back.totals().total().amount()).isEqualByComparingTo("119.50");
        assertThat(back.totals().tax().amount()).isEqualByComparingTo("20.74");
        assertThat(back.totals().charges().amount()).isEqualByComparingTo("-5.00");
        assertThat(back.lines()).extracting(line -> line.lineTotal().amount()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("83.76"), new BigDecimal("20.00"));
        assertThat(back.lines().get(1).product().gtin()).isEqualTo("061414110002");
        assertThat(back.buyer().address().city()).isEqualTo("Antwerpen");
    }

    @Test
    void anInventoryPositionMakesAnInventoryReportWithWhatIsCommitted() throws Exception {
        String invrpt = write("INVRPT", "edifact/inventory-to-INVRPT.jsonata", """
                {"product": {"sku": "SKU-1001", "gtin": "061414110001"}, "location": "WH", "asOf": "2026-11-22T08:00:00Z",
                 "onHand": {"value": 120, "unit": "EA"}, "available": {"value": 96, "unit": "EA"}}
                """, "D:96A:UN:EAN004");

        assertThat(invrpt).contains("UNH+1+INVRPT:D:96A:UN:EAN004'BGM+35+WH-20261122+9'DTM+137:20261122:102'")
                .contains("LIN+1++061414110001:EN'PIA+5+SKU-1001:SA'QTY+145:120:EA'LOC+18+WH'QTY+66:24:EA'UNT+9+1'");
        assertThat(readBack(invrpt).errors()).isEmpty();
    }

    @Test
    void aDelimiterInAValueIsReleasedAndReadBackAsWritten() throws Exception {
        String ordrsp = write("ORDRSP", "edifact/order-ack-to-ORDRSP.jsonata", """
                {"poNumber": "PO+7'A:B?C", "partner": "demo-eu", "status": "REJECTED", "acknowledgedOn": "2026-11-22", "lines": [],
                 "reason": "no customer"}
                """, "D:96A:UN");

        assertThat(ordrsp).contains("RFF+ON:PO?+7?'A?:B??C'");
        EdiTransaction read = readBack(ordrsp);
        assertThat(read.errors()).isEmpty();
        assertThat(read.segments()).filteredOn(segment -> "RFF".equals(segment.tag())).singleElement()
                .satisfies(rff -> assertThat(rff.element(1, 2)).isEqualTo("PO+7'A:B?C"));
    }

    @Test
    void aCharacterOutsideThePartnersCharacterSetIsRefusedNamingTheElement() {
        OutboundMessage.Addressee unoa = new OutboundMessage.Addressee("14", "5400110000009", "UNOA", "3");
        JsonNode segments = mapped("edifact/order-ack-to-ORDRSP.jsonata", """
                {"poNumber": "eu-po-7", "partner": "demo-eu", "status": "ACCEPTED", "acknowledgedOn": "2026-11-22", "lines": []}
                """);
        assertThatThrownBy(() -> OutboundMessage.write("ORDRSP", segments, unoa, US, "D:96A:UN", false, 42, NOW))
                .isInstanceOf(DocumentMapping.MappingException.class)
                .hasMessageContaining("BGM02 of the ORDRSP holds 'e', which UNOA does not have: 'eu-po-7'");
    }

    private static String write(String type, String mapping, String json, String version) {
        byte[] bytes = OutboundMessage.write(type, mapped(mapping, json), DEMO_EU, US, version, false, 42, NOW);
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\n", "").replace("\r", "");
    }

    private static JsonNode mapped(String mapping, String json) {
        try {
            Object data = CanonicalJson.MAPPER.readValue(json, Object.class);
            return DocumentMapping.read(Path.of("mappings", mapping)).apply(data, Map.of("partner", "demo-eu"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static EdiTransaction readBack(String edifact) throws Exception {
        List<EdiTransaction> read = new ArrayList<>();
        EdiReader.ReadSummary summary = new EdiReader().read(new ByteArrayInputStream(edifact.getBytes(StandardCharsets.ISO_8859_1)),
                read::add);
        assertThat(summary.envelopeErrors()).isEmpty();
        assertThat(summary.fatal()).isNull();
        return read.get(0);
    }
}
