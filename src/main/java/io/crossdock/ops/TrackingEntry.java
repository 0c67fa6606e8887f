package io.crossdock.ops;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step in a transaction's life, as the timeline shows it.
 *
 * @param stage what happened: FILE_RECEIVED, FILE_DUPLICATE, FILE_HANDED_ON, EVENT_PUBLISHED,
 *     EVENT_APPLIED, DEAD_LETTERED, REPLAYED, DOCUMENT_SENT
 * @param system where: sftp, kafka, the consumer's name, odoo, ...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackingEntry(
        OffsetDateTime at,
        String stage,
        String system,
        String description,
        String businessKey,
        String partner,
        String correlationId,
        String eventId,
        String eventType,
        Archive archive,
        KafkaPosition kafka) {

    public record Archive(String id, String href) {
    }

    public record KafkaPosition(String topic, int partition, long offset) {
    }

    public static TrackingEntry of(String stage, String system, String description, String businessKey,
            String partner, String correlationId) {
        return new TrackingEntry(OffsetDateTime.now(java.time.ZoneOffset.UTC), stage, system, description,
                businessKey, partner, correlationId, null, null, null, null);
    }

    /** The business key without its partner scope (PO-1 of demo/PO-1), so people can search by what they know. */
    public String aliasKey() {
        return partner != null && businessKey.startsWith(partner + "/") ? businessKey.substring(partner.length() + 1)
                : null;
    }

    public TrackingEntry withArchive(String archiveId) {
        return new TrackingEntry(at, stage, system, description, businessKey, partner, correlationId, eventId, eventType,
                archiveId == null ? null : new Archive(archiveId, "/api/v1/archive/" + archiveId), kafka);
    }

    public TrackingEntry withEvent(String id, String type) {
        return new TrackingEntry(at, stage, system, description, businessKey, partner, correlationId, id, type, archive,
                kafka);
    }

    public TrackingEntry withKafka(String topic, int partition, long offset) {
        return new TrackingEntry(at, stage, system, description, businessKey, partner, correlationId, eventId, eventType,
                archive, new KafkaPosition(topic, partition, offset));
    }

    public TrackingEntry at(OffsetDateTime when) {
        return new TrackingEntry(when, stage, system, description, businessKey, partner, correlationId, eventId, eventType,
                archive, kafka);
    }
}
