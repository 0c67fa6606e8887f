package io.crossdock.intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.crossdock.canonical.InboundDocuments;

/**
 * The CloudEvents the intake publishes. The event id is the receipt's correlation id, so handing
 * the same receipt on twice (after a crash between send and bookkeeping) yields the same event,
 * which consumers drop by id.
 */
public final class IntakeEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int inlineMaxBytes;

    public IntakeEvents(int inlineMaxBytes) {
        this.inlineMaxBytes = inlineMaxBytes;
    }

    /**
     * A file as received. Content up to {@code inlineMaxBytes} travels in the event; larger files
     * travel by reference (claim check): consumers read them from the archive by {@code archiveid}.
     */
    public CloudEvent documentReceived(Receipt receipt, byte[] content) {
        CloudEventBuilder event = common(receipt, InboundDocuments.DOCUMENT_RECEIVED)
                .withExtension(InboundDocuments.INLINE, content.length <= inlineMaxBytes);
        return content.length <= inlineMaxBytes
                ? event.withDataContentType("application/octet-stream").withData(content).build()
                : event.build();
    }

    /** A second drop of content already handed on: reported with a pointer to the first receipt. */
    public CloudEvent duplicateReceived(Receipt receipt) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("partner", receipt.partner());
        report.put("fileName", receipt.fileName());
        report.put("contentSha256", receipt.contentSha256());
        report.put("originalCorrelationId", receipt.originalCorrelationId());
        report.put("originalFileName", receipt.originalFileName());
        report.put("archiveId", receipt.archiveId());
        report.put("reason", "the same content from this partner was received and handed on already");
        try {
            return common(receipt, InboundDocuments.DUPLICATE_DOCUMENT)
                    .withExtension("originalcorrelationid", receipt.originalCorrelationId())
                    .withDataContentType("application/json")
                    .withData(JSON.writeValueAsString(report).getBytes(StandardCharsets.UTF_8))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private static CloudEventBuilder common(Receipt receipt, String type) {
        return CloudEventBuilder.v1()
                .withId(receipt.correlationId())
                .withSource(URI.create("/crossdock/intake/sftp/" + receipt.partner()))
                .withType(type)
                .withSubject(receipt.fileName())
                .withTime(receipt.receivedAt())
                .withExtension("correlationid", receipt.correlationId())
                .withExtension(InboundDocuments.PARTNER, receipt.partner())
                .withExtension(InboundDocuments.FILE_NAME, receipt.fileName())
                .withExtension(InboundDocuments.CONTENT_SHA256, receipt.contentSha256())
                .withExtension(InboundDocuments.ARCHIVE_ID, receipt.archiveId())
                .withExtension("sizebytes", receipt.sizeBytes());
    }
}
