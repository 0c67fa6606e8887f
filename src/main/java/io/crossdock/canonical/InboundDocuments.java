package io.crossdock.canonical;

/**
 * The contract of the inbound documents topic, between the file intake that writes it and the
 * stages (EDI, bank statements) that read it: CloudEvents types and extension attributes.
 */
public final class InboundDocuments {

    /** A file as received: data inline, or only {@link #ARCHIVE_ID} when larger than the inline limit. */
    public static final String DOCUMENT_RECEIVED = "io.crossdock.intake.document.received.v1";
    /** A second drop of content already received. */
    public static final String DUPLICATE_DOCUMENT = "io.crossdock.intake.document.duplicate.v1";

    public static final String PARTNER = "partner";
    public static final String FILE_NAME = "filename";
    public static final String ARCHIVE_ID = "archiveid";
    public static final String INLINE = "inline";
    public static final String CONTENT_SHA256 = "contentsha256";

    private InboundDocuments() {
    }
}
