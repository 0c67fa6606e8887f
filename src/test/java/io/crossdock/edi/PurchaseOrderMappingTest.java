package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.CanonicalSchemas;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Order;
import io.crossdock.canonical.PartyIdentifier;
import org.junit.jupiter.api.Test;

/** The 850 mapping in mappings/x12/ turns real purchase orders into schema-valid canonical Orders. */
class PurchaseOrderMappingTest {

    static final LoopSpec LOOPS = LoopSpec.read(Path.of("mappings/x12/850.loops.yaml"));
    static final DocumentMapping MAPPING = DocumentMapping.read(Path.of("mappings/x12/850-to-order.jsonata"));
    static final CanonicalSchemas SCHEMAS = new CanonicalSchemas(Path.of("mappings/canonical"));

    @Test
    void theVicsPurchaseOrderBecomesAValidOrderWithAllSixLines() throws Exception {
        JsonNode json = map(EdiReaderConformanceTest.X12.resolve("850_vics_4010_po.edi"));
        assertThat(SCHEMAS.validateData(EventType.ORDER_RECEIVED, json)).as(json.toPrettyString()).isEmpty();
        Order order = CanonicalJson.MAPPER.treeToValue(json, Order.class);

        assertThat(order.poNumber()).isEqualTo("08292233294");
        assertThat(order.partner()).isEqualTo("demo");
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2010, 11, 27));
        assertThat(order.purpose()).isEqualTo(Order.Purpose.ORIGINAL);
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.requestedDeliveryDate()).isEqualTo(LocalDate.of(2010, 12, 14));
        assertThat(order.buyer().identifiers()).containsExactly(
                new PartyIdentifier(PartyIdentifier.Scheme.PARTNER, "4405197800", "demo"));
        assertThat(order.shipTo().name()).isEqualTo("XYZ RETAIL");
        assertThat(order.shipTo().identifiers()).containsExactly(
                new PartyIdentifier(PartyIdentifier.Scheme.DUNS, "0003947268292", null));
        assertThat(order.shipTo().address().city()).isEqualTo("SOLON");
        assertThat(order.shipTo().address().postalCode()).isEqualTo("44139");
        assertThat(order.shipTo().address().street()).containsExactly("31875 SOLON RD");

        assertThat(order.lines()).hasSize(6);
        Order.OrderLine first = order.lines().get(0);
        assertThat(first.lineNumber()).isEqualTo("1");
        assertThat(first.quantity().value()).isEqualByComparingTo("120");
        assertThat(first.quantity().unit()).isEqualTo("EA");
        assertThat(first.unitPrice().amount()).isEqualTo(new BigDecimal("9.25"));
        assertThat(first.product().sku()).isEqualTo("AB3542");
        assertThat(first.product().description()).isEqualTo("SMALL WIDGET");
        assertThat(first.product().partnerItemNumbers()).extracting(p -> p.qualifier() + "=" + p.value())
                .containsExactly("CB=065322-117");
        assertThat(order.lines()).extracting(l -> l.product().sku())
                .containsExactly("AB3542", "RD5322", "XY5266", "VX2332", "RV0524", "DX1875");
        BigDecimal total = order.lines().stream().map(l -> l.unitPrice().amount().multiply(l.quantity().value()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).as("the lines add up to AMT*1").isEqualByComparingTo("13045.94");
    }

    @Test
    void aSparsePurchaseOrderStillMapsLineNumbersPartiesAndNotes() throws Exception {
        JsonNode json = map(EdiReaderConformanceTest.X12.resolve("850_newline_segment_terminator.edi"));
        assertThat(SCHEMAS.validateData(EventType.ORDER_RECEIVED, json)).as(json.toPrettyString()).isEmpty();
        Order order = CanonicalJson.MAPPER.treeToValue(json, Order.class);

        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).as("PO101 is empty: numbered by position").isEqualTo("1");
            assertThat(line.quantity().unit()).isEqualTo("KI");
            assertThat(line.product().sku()).isEqualTo("UNKNOWN");
            assertThat(line.product().description()).isEqualTo("SU - SPARK - AQ FREEZER PUSHER");
        });
        assertThat(order.seller().name()).isEqualTo("----- ------ --------- ---");
        assertThat(order.shipTo().address().city()).isEqualTo("SAN DIEGO");
        assertThat(order.notes()).singleElement().asString().startsWith("000000000001010700 BUYER");
    }

    static JsonNode map(Path file) throws Exception {
        List<EdiTransaction> transactions = new ArrayList<>();
        EdiReader.ReadSummary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = new EdiReader().read(in, transactions::add);
        }
        Envelope isa = summary.interchanges().get(0);
        return MAPPING.apply(TransactionJson.of(transactions.get(0), LOOPS), Map.of(
                "partner", "demo",
                "sender", Map.of("qualifier", isa.senderQualifier(), "id", isa.senderId()),
                "defaults", Map.of("currency", "USD")));
    }
}
