package io.crossdock.edi;

import java.sql.Connection;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import io.crossdock.canonical.CanonicalSchemas;
import io.crossdock.canonical.ExchangeNames;
import io.crossdock.canonical.InboundDocuments;
import io.crossdock.events.ConsumedEvent;
import io.crossdock.events.EventFlow;
import io.crossdock.events.EventHandler;
import io.crossdock.events.EventPublisher;
import io.crossdock.ops.Tracking;
import io.crossdock.partner.PartnerDirectory;
import io.crossdock.partner.PartnerOutbox;
import io.crossdock.partner.PartnerProfile;
import io.crossdock.store.DocumentArchive;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The steps of the EDI stage ({@code routes/edi/edi-inbound.yaml}) that need code. The route reads
 * each file the intake handed on from an EDI partner, acknowledges its interchanges, splits them
 * into transactions and maps each to its canonical event; the work on one file is an
 * {@link InboundFile}.
 */
@Named("ediInbound")
@ApplicationScoped
public class EdiInbound {

    public static final String ROUTE = "direct:edi-inbound";

    final DocumentArchive archive;
    final InterchangeRegistry interchanges;
    final ControlNumbers controlNumbers;
    final EventPublisher publisher;
    final PartnerOutbox outbox;
    final Tracking tracking;
    final TransactionMapper mapper;
    final PartnerAcknowledgments acknowledgments;
    private final PartnerDirectory partners;

    public EdiInbound(PartnerDirectory partners, DocumentArchive archive, InterchangeRegistry interchanges,
            ControlNumbers controlNumbers, EventPublisher publisher, PartnerOutbox outbox, Tracking tracking,
            EdiMappings mappings, CanonicalSchemas schemas, PartnerAcknowledgments acknowledgments) {
        this.partners = partners;
        this.archive = archive;
        this.interchanges = interchanges;
        this.controlNumbers = controlNumbers;
        this.publisher = publisher;
        this.outbox = outbox;
        this.tracking = tracking;
        this.mapper = new TransactionMapper(mappings, schemas);
        this.acknowledgments = acknowledgments;
    }

    /** The event consumer {@code edi-inbound}: every file the intake took, and every identical file it saw again. */
    @Produces
    @ApplicationScoped
    static EventHandler consumer(ProducerTemplate routes,
            @ConfigProperty(name = "crossdock.topics.inbound-documents") String inboundTopic,
            @ConfigProperty(name = "crossdock.topics.intake-duplicates") String duplicatesTopic) {
        return new EventFlow("edi-inbound", Set.of(), Set.of(inboundTopic, duplicatesTopic), ROUTE, routes);
    }

    /** The file to take in, or null when it is not an EDI partner's (another stage's business). */
    public InboundFile open(@Body ConsumedEvent document, @ExchangeProperty(ExchangeNames.TRANSACTION) Connection tx) throws Exception {
        Optional<PartnerProfile> partner = partners.find(extension(document, InboundDocuments.PARTNER));
        if (partner.isEmpty() || partner.get().edi() == null) {
            return null;
        }
        boolean resent = InboundDocuments.DUPLICATE_DOCUMENT.equals(document.event().getType());
        byte[] content = !resent && document.event().getData() != null ? document.event().getData().toBytes() : archivedContent(document);
        return new InboundFile(this, document, partner.get(), tx, content, extension(document, InboundDocuments.FILE_NAME));
    }

    /** The very same bytes again: every interchange in them is a resend, and the partner is told so. */
    public void resent(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file) throws Exception {
        file.resent();
    }

    /** First pass: the envelopes, the errors and each transaction's outline, judged by its schema. */
    public void read(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file) throws Exception {
        file.read();
    }

    /** A file that cannot be read as EDI goes to the partner's error folder, with a business exception. */
    public void unreadable(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file) throws Exception {
        file.unreadable();
    }

    /** Each interchange taken (known sender, not seen before, trailer right) and acknowledged, or rejected. */
    public void takeInterchanges(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file) throws Exception {
        file.takeInterchanges();
    }

    /** Second pass, for the splitter: the taken interchanges' transactions, one at a time as they are read. */
    public Iterator<ReceivedTransaction> transactions(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file) throws Exception {
        return file.transactions();
    }

    public void rejected(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file, @Body ReceivedTransaction transaction)
            throws Exception {
        file.rejected(transaction);
    }

    /** The partner's 997, 999 or CONTRL, matched to what we sent. */
    public void acknowledgmentReceived(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file,
            @Body ReceivedTransaction transaction) throws Exception {
        file.acknowledgmentReceived(transaction);
    }

    /** The mapping step: the partner's mapping for this transaction type makes its canonical event. */
    public MappedTransaction map(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file, @Body ReceivedTransaction transaction) {
        return new MappedTransaction(transaction, mapper.map(transaction.content(), file.partner()));
    }

    public void notMapped(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file, @Body MappedTransaction mapped) throws Exception {
        file.exception(mapped.problem());
    }

    public void publish(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file, @Body MappedTransaction mapped) {
        file.publish(mapped);
    }

    /** The file is done when Kafka has every event it made (a failure redoes the file; consumers drop the repeats by id). */
    public void published(@ExchangeProperty(ExchangeNames.EDI_FILE) InboundFile file) throws Exception {
        file.awaitPublished();
    }

    private byte[] archivedContent(ConsumedEvent document) throws Exception {
        String archiveId = extension(document, InboundDocuments.ARCHIVE_ID);
        return archive.read(archiveId).orElseThrow(() -> new IllegalStateException(
                "inbound document " + document.id() + " refers to archive " + archiveId + ", which does not exist"))
                .content();
    }

    private static String extension(ConsumedEvent document, String name) {
        Object value = document.event().getExtension(name);
        return value == null ? null : value.toString();
    }
}
