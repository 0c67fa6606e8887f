package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.Money;
import io.crossdock.canonical.OrderAcknowledgment;
import io.crossdock.canonical.OrderAcknowledgment.LineStatus;
import io.crossdock.canonical.ProductRef;
import io.crossdock.canonical.Quantity;
import io.crossdock.edi.FunctionalAcknowledgment.Numbers;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import org.junit.jupiter.api.Test;

/** The 855 we send, made by mappings/x12/order-ack-to-855.jsonata, read back by our own strict reader. */
class OutboundTransactionTest {

    private static final DocumentMapping TO_855 = DocumentMapping.read(Path.of("mappings/x12/order-ack-to-855.jsonata"));
    private static final OutboundTransaction.Receiver DEMO = new OutboundTransaction.Receiver("ZZ", "DEMO", "DEMO");
    private static final OurIdentity US = new OurIdentity("ZZ", "CROSSDOCK", "CROSSDOCK");

    @Test
    void anAcknowledgmentWithChangedLinesMakesAValid855() throws Exception {
        OrderAcknowledgment ack = new OrderAcknowledgment("PO-7", "demo", "S00042", OrderAcknowledgment.Status.CHANGED,
                LocalDate.of(2026, 11, 22), List.of(
                        line("1", LineStatus.ACCEPTED, "SKU-1001", "061414110001", "24", "3.49", null),
                        line("2", LineStatus.REJECTED, "SKU-2002", null, "12", "9.95", "price differs")), null);

        byte[] x12 = write(ack);
        List<EdiTransaction> read = new ArrayList<>();
        EdiReader.ReadSummary summary = new EdiReader().read(new ByteArrayInputStream(x12), read::add);

        assertThat(summary.envelopeErrors()).isEmpty();
        assertThat(summary.fatal()).isNull();
        assertThat(summary.groups()).singleElement().satisfies(group -> assertThat(group.functionalId()).isEqualTo("PR"));
        EdiTransaction transaction = read.get(0);
        assertThat(transaction.type()).isEqualTo("855");
        assertThat(transaction.errors()).isEmpty();
        String text = new String(x12, StandardCharsets.US_ASCII);
        assertThat(text).contains("ISA*00*          *00*          *ZZ*CROSSDOCK      *ZZ*DEMO           *")
                .contains("*U*00401*000000042*0*P*>~").contains("GS*PR*CROSSDOCK*DEMO*20261122*0930*7*X*004010~")
                .contains("BAK*00*AC*PO-7*20261122****S00042~")
                .contains("PO1*1*24*EA*3.49*PE*VN*SKU-1001*UP*061414110001~").contains("ACK*IA*24*EA*068*20261201~")
                .contains("PO1*2*12*EA*9.95*PE*VN*SKU-2002~").contains("ACK*IR*12*EA~")
                .contains("CTT*2~").contains("SE*8*0001~").contains("GE*1*7~").contains("IEA*1*000000042~");
    }

    @Test
    void aValueHoldingADelimiterIsRefusedNotWritten() {
        OrderAcknowledgment ack = new OrderAcknowledgment("PO*8", "demo", null, OrderAcknowledgment.Status.REJECTED,
                LocalDate.of(2026, 11, 22), List.of(line("1", LineStatus.REJECTED, "SKU-1", null, "1", "1", "no customer")), "no customer");
        assertThatThrownBy(() -> write(ack)).isInstanceOf(DocumentMapping.MappingException.class)
                .hasMessageContaining("BAK03 of the 855 would hold a delimiter").hasMessageContaining("PO*8");
    }

    @Test
    void aPartnerThatAsksForOtherDelimitersGetsThemInTheInterchangeAndInEveryCheck() throws Exception {
        var edi = new io.crossdock.partner.PartnerProfile.Edi("X12", List.of(new io.crossdock.partner.PartnerProfile.Identifier("ZZ", "DEMO")),
                new io.crossdock.partner.PartnerProfile.Identifier("ZZ", "CROSSDOCK"), null, null, null, null, null, null, null, "00501", null,
                null, null, null, new io.crossdock.partner.PartnerProfile.Delimiters("\n", "|", ":", "~", null));
        OrderAcknowledgment ack = new OrderAcknowledgment("PO-9", "demo", null, OrderAcknowledgment.Status.ACCEPTED,
                LocalDate.of(2026, 11, 22), List.of(line("1", LineStatus.ACCEPTED, "SKU*1", null, "2", "1.5", null)), null);
        Object data = CanonicalJson.MAPPER.convertValue(ack, Object.class);

        byte[] x12 = OutboundTransaction.write("855", TO_855.apply(data, Map.of("partner", "demo")), DEMO, OurIdentity.towards(edi), "00501",
                false, new Numbers(43, 8), LocalDateTime.of(2026, 11, 22, 9, 30));

        String text = new String(x12, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("ISA|00|").contains("|~|00501|000000043|0|P|:\n").contains("PO1|1|2|EA|1.5|PE|VN|SKU*1\nACK|IA|2|EA|068|20261201\n").doesNotContain("\n\n");
        List<EdiTransaction> read = new ArrayList<>();
        new EdiReader().read(new ByteArrayInputStream(x12), read::add);
        assertThat(read).singleElement().satisfies(transaction -> assertThat(transaction.errors()).isEmpty());

        OrderAcknowledgment piped = new OrderAcknowledgment("PO|9", "demo", null, OrderAcknowledgment.Status.REJECTED,
                LocalDate.of(2026, 11, 22), List.of(), "no customer");
        assertThatThrownBy(() -> OutboundTransaction.write("855", TO_855.apply(CanonicalJson.MAPPER.convertValue(piped, Object.class),
                Map.of("partner", "demo")), DEMO, OurIdentity.towards(edi), "00501", false, new Numbers(44, 9), LocalDateTime.now()))
                .hasMessageContaining("BAK03 of the 855 would hold a delimiter ('|'): 'PO|9'");
    }

    @Test
    void delimitersAPartnerCannotHaveAreRefusedByName() {
        var edi = new io.crossdock.partner.PartnerProfile.Edi("X12", List.of(new io.crossdock.partner.PartnerProfile.Identifier("ZZ", "DEMO")),
                new io.crossdock.partner.PartnerProfile.Identifier("ZZ", "CROSSDOCK"), null, null, null, null, null, null, null, null, null,
                null, null, null, new io.crossdock.partner.PartnerProfile.Delimiters(null, ">", null, null, null));
        assertThatThrownBy(() -> Delimiters.of(edi)).hasMessageContaining("edi.delimiters must all differ");
    }

    private static byte[] write(OrderAcknowledgment ack) {
        Object data = CanonicalJson.MAPPER.convertValue(ack, Object.class);
        return OutboundTransaction.write("855", TO_855.apply(data, Map.of("partner", "demo")), DEMO, US, "00401", false,
                new Numbers(42, 7), LocalDateTime.of(2026, 11, 22, 9, 30));
    }

    private static OrderAcknowledgment.LineAcknowledgment line(String number, LineStatus status, String sku, String gtin,
            String quantity, String price, String reason) {
        return new OrderAcknowledgment.LineAcknowledgment(number, status, new ProductRef(sku, gtin, List.of(), null),
                new Quantity(new BigDecimal(quantity), "EA"), new Money(new BigDecimal(price), "USD"),
                status == LineStatus.REJECTED ? null : LocalDate.of(2026, 12, 1), reason);
    }
}
