package io.crossdock.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.canonical.ExchangeNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The steps of the file intake that need code, called by the {@code sftp-intake} route template:
 * archive and judge a file, then note that its event is on Kafka.
 */
@Named("fileIntake")
@ApplicationScoped
public class FileIntake {

    public static final String RECEIPT = "crossdockReceipt";

    private static final Logger LOG = Logger.getLogger(FileIntake.class);

    private final IntakeLedger ledger;
    private final IntakeEvents events;
    private final MeterRegistry metrics;

    public FileIntake(IntakeLedger ledger, MeterRegistry metrics,
            @ConfigProperty(name = "crossdock.intake.inline-max-bytes") int inlineMaxBytes) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.events = new IntakeEvents(inlineMaxBytes);
    }

    /** Archives the file under a new correlation id and replaces the body with the event to publish. */
    public void receive(Exchange exchange) throws InvalidPayloadException {
        String partner = exchange.getProperty("partner", String.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        byte[] content = exchange.getMessage().getMandatoryBody(byte[].class);
        Receipt receipt = ledger.receive(partner, fileName, content);

        MDC.put("correlationId", receipt.correlationId());
        MDC.put("partner", partner);
        exchange.setProperty(RECEIPT, receipt);
        exchange.setProperty(ExchangeNames.INTAKE_OUTCOME, receipt.outcome().name());
        exchange.getMessage().setHeader(KafkaConstants.KEY, partner);
        exchange.getMessage().setBody(receipt.toBeHandedOn()
                ? events.documentReceived(receipt, content)
                : events.duplicateReceived(receipt));
        if (receipt.toBeHandedOn()) {
            LOG.infof("Received %s from %s (%d bytes, sha256 %s) as %s", fileName, partner, content.length,
                    receipt.contentSha256(), receipt.outcome());
        } else {
            LOG.warnf("Duplicate file %s from %s: same content as %s received as %s; not processed again",
                    fileName, partner, receipt.originalFileName(), receipt.originalCorrelationId());
        }
        metrics.counter("crossdock.intake.files", "partner", partner, "outcome", receipt.outcome().name())
                .increment();
    }

    /** The document's event is on Kafka: the inbox copy may go. */
    public void published(Exchange exchange) {
        Receipt receipt = exchange.getProperty(RECEIPT, Receipt.class);
        List<?> sent = exchange.getMessage().getHeader(KafkaConstants.KAFKA_RECORD_META, List.class);
        RecordMetadata where = (RecordMetadata) sent.get(0);
        ledger.markPublished(receipt, where.topic(), where.partition(), where.offset());
    }
}
