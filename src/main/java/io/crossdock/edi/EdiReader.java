package io.crossdock.edi;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;

/**
 * Reads X12 and EDIFACT files with StAEDI, streaming: delimiters come from ISA/UNA, several
 * interchanges per file are fine, envelopes are checked (counts, control number pairs, code values),
 * and each transaction is handed to a {@link TransactionSink} with its errors as soon as its trailer
 * has been read.
 */
public final class EdiReader {

    private final EDIInputFactory factory;
    private final TransactionSchemas schemas;

    /** The schemas under {@code mappings/} of the working directory, where the hub runs; read once for all readers. */
    private static final TransactionSchemas WORKING_DIRECTORY = TransactionSchemas.in(Path.of("mappings"));

    /** With the transaction schemas under {@code mappings/} of the working directory. */
    public EdiReader() {
        this(WORKING_DIRECTORY);
    }

    public EdiReader(TransactionSchemas schemas) {
        this.schemas = schemas;
        factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, true);
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
    }

    /** Reads the whole file; what cannot be attributed to a transaction is in the summary. */
    public ReadSummary read(InputStream file, TransactionSink sink) throws Exception {
        Parse parse = new Parse(sink, schemas);
        try (EDIStreamReader reader = factory.createEDIStreamReader(new FinalLineEnd(withoutByteOrderMark(file)))) {
            while (reader.hasNext()) {
                parse.on(reader, reader.next());
            }
        } catch (EDIStreamException e) {
            parse.fatal(e);
        }
        return parse.summary();
    }

    /**
     * The file's transactions one at a time, read as they are asked for (for a streaming splitter).
     * Close it to release the file; a file that cannot be read further simply ends.
     */
    public Transactions transactions(InputStream file) throws Exception {
        return new Transactions(factory.createEDIStreamReader(new FinalLineEnd(withoutByteOrderMark(file))), schemas);
    }

    /** A pull over {@link #read}: reads on only as far as the next transaction. */
    public static final class Transactions implements Iterator<EdiTransaction>, Closeable {
        private final EDIStreamReader reader;
        private final ArrayDeque<EdiTransaction> ready = new ArrayDeque<>();
        private final Parse parse;
        private boolean ended;
        private boolean closed;

        private Transactions(EDIStreamReader reader, TransactionSchemas schemas) {
            this.reader = reader;
            this.parse = new Parse(ready::add, schemas);
        }

        @Override
        public boolean hasNext() {
            try {
                while (ready.isEmpty() && !ended && !closed && reader.hasNext()) {
                    parse.on(reader, reader.next());
                }
            } catch (EDIStreamException e) {
                ended = true; // the first pass judged the file; past this point it holds no more transactions
            } catch (Exception e) {
                throw new IllegalStateException("reading the next transaction failed: " + e.getMessage(), e);
            }
            return !ready.isEmpty();
        }

        @Override
        public EdiTransaction next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                reader.close();
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    /**
     * Ends the stream with a line feed when the file does not: partners whose segment terminator is
     * the line feed often omit the last one, and their final trailer is complete all the same.
     * (A missing '~' stays missing: a line feed after it is only layout.)
     */
    private static final class FinalLineEnd extends java.io.FilterInputStream {
        private int last = -1;
        private boolean added;

        FinalLineEnd(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b == -1) {
                return endOfFile();
            }
            last = b;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n == -1) {
                int end = endOfFile();
                if (end == -1) {
                    return -1;
                }
                buffer[offset] = (byte) end;
                return 1;
            }
            if (n > 0) {
                last = buffer[offset + n - 1];
            }
            return n;
        }

        private int endOfFile() {
            if (added || last == -1 || last == '\n') {
                return -1;
            }
            added = true;
            return '\n';
        }
    }

    /** What a file held besides its transactions: its interchanges and the envelope errors. */
    public record ReadSummary(List<Envelope> interchanges, List<FunctionalGroup> groups, int transactions,
            List<EdiError> envelopeErrors, EdiError fatal) {

        public boolean readable() {
            return fatal == null;
        }
    }

    private static final class Parse {
        private final TransactionSink sink;
        private final TransactionSchemas schemas;
        private final List<Envelope> interchanges = new ArrayList<>();
        private final List<FunctionalGroup> groups = new ArrayList<>();
        private final List<EdiError> envelopeErrors = new ArrayList<>();
        private EdiError fatal;
        private int transactions;
        private int segmentPosition;
        private Envelope envelope;
        private FunctionalGroup group;
        private String tag;
        private List<Object> elements;
        private List<String> composite;
        private List<EdiSegment> transactionSegments;
        private List<EdiError> transactionErrors;
        private boolean schemaPending;
        private Map<String, Character> delimiters;

        Parse(TransactionSink sink, TransactionSchemas schemas) {
            this.sink = sink;
            this.schemas = schemas;
        }

        void on(EDIStreamReader reader, EDIStreamEvent event) throws Exception {
            switch (event) {
                case START_INTERCHANGE -> delimiters = null;
                case START_SEGMENT -> {
                    segmentPosition++;
                    tag = reader.getText();
                    elements = new ArrayList<>();
                    if (delimiters == null) {
                        delimiters = Map.copyOf(reader.getDelimiters());
                    }
                }
                case START_COMPOSITE -> {
                    composite = new ArrayList<>();
                    put(reader.getLocation().getElementPosition(), composite);
                }
                case END_COMPOSITE -> composite = null;
                case ELEMENT_DATA -> {
                    Location at = reader.getLocation();
                    if (composite != null) {
                        while (composite.size() < at.getComponentPosition() - 1) {
                            composite.add("");
                        }
                        composite.add(reader.getText());
                    } else if (at.getElementOccurrence() > 1 && elements.size() >= at.getElementPosition()) {
                        repeat(at.getElementPosition(), reader.getText());
                    } else {
                        put(at.getElementPosition(), reader.getText());
                    }
                    checkCharset(reader.getText(), at);
                }
                case END_SEGMENT -> {
                    // The header's type is known once the header is read; its schema checks what follows.
                    if (schemaPending && reader.getTransactionType() != null) {
                        schemaPending = false;
                        schemas.forType(envelope == null ? null : envelope.standard(), reader.getTransactionType())
                                .ifPresent(reader::setTransactionSchema);
                    }
                    endSegment(reader);
                }
                case START_TRANSACTION -> {
                    transactionSegments = new ArrayList<>();
                    transactionErrors = new ArrayList<>();
                    schemaPending = true;
                }
                case END_TRANSACTION -> endTransaction();
                case END_GROUP -> group = null;
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(reader, event);
                default -> {
                    // loops and binary data need no handling at this level
                }
            }
        }

        /** EDIFACT's UNOA and UNOB allow a small repertoire; files often break it (report, never alter). */
        private void checkCharset(String value, Location at) {
            String charset = envelope != null ? envelope.charset() : null;
            if (!"UNOA".equals(charset) && !"UNOB".equals(charset) || "UNB".equals(tag)) {
                return;
            }
            EdifactCharsets.outside(charset, value).ifPresent(outside -> (transactionErrors != null ? transactionErrors : envelopeErrors)
                    .add(new EdiError("INVALID_CHARACTER_DATA", tag, segmentPosition, at.getElementPosition(),
                            Math.max(at.getComponentPosition(), 0), value,
                            "'" + outside + "' is outside " + charset + ", the character set declared in UNB")));
        }

        /** A repeated simple element keeps every repetition, in order (ISA11 / UNA repetition separator). */
        private void repeat(int position, String value) {
            Object earlier = elements.get(position - 1);
            EdiSegment.Repetitions repetitions = earlier instanceof EdiSegment.Repetitions known ? known
                    : new EdiSegment.Repetitions(List.of(String.valueOf(earlier)));
            repetitions.add(value);
            elements.set(position - 1, repetitions);
        }

        private void put(int position, Object value) {
            while (elements.size() < position - 1) {
                elements.add("");
            }
            if (elements.size() >= position) {
                elements.set(position - 1, value);
            } else {
                elements.add(value);
            }
        }

        private void endSegment(EDIStreamReader reader) {
            EdiSegment segment = new EdiSegment(tag, segmentPosition, List.copyOf(elements));
            switch (tag) {
                case "ISA" -> interchanges.add(envelope = x12Envelope(segment));
                case "UNB" -> interchanges.add(envelope = edifactEnvelope(segment));
                case "GS" -> groups.add(group = new FunctionalGroup(segment.element(1), segment.element(2),
                        segment.element(3), segment.element(6), segment.element(8), segment.position()));
                case "UNG" -> groups.add(group = new FunctionalGroup(segment.element(1), segment.element(2),
                        segment.element(3), segment.element(5), segment.element(7), segment.position()));
                default -> {
                    if (transactionSegments != null) {
                        transactionSegments.add(segment);
                    }
                }
            }
            elements = null;
        }

        private void endTransaction() throws Exception {
            EdiSegment header = transactionSegments.get(0);
            boolean edifact = header.tag().equals("UNH");
            String controlNumber = edifact ? header.element(1) : header.element(2);
            String type = edifact ? header.element(2) : header.element(1);
            String version = edifact ? String.join(":", components(header, 2).stream().skip(1).toList())
                    : !header.element(3).isEmpty() ? header.element(3) : group == null ? envelope.version()
                    : group.version();
            sink.transaction(new EdiTransaction(envelope, group, type, controlNumber, version,
                    List.copyOf(transactionSegments), List.copyOf(transactionErrors)));
            transactions++;
            transactionSegments = null;
            transactionErrors = null;
        }

        private void error(EDIStreamReader reader, EDIStreamEvent event) {
            Location at = reader.getLocation();
            String value = event == EDIStreamEvent.ELEMENT_DATA_ERROR && reader.hasText() ? reader.getText() : null;
            int element = event == EDIStreamEvent.SEGMENT_ERROR ? 0 : at.getElementPosition();
            int component = event == EDIStreamEvent.SEGMENT_ERROR ? 0 : Math.max(at.getComponentPosition(), 0);
            String segmentTag = event == EDIStreamEvent.SEGMENT_ERROR && reader.hasText() ? reader.getText()
                    : at.getSegmentTag();
            EdiError error = new EdiError(reader.getErrorType().name(), segmentTag, segmentPosition(at),
                    element, component, value, describe(reader.getErrorType()), element > 0 ? dataElement(reader) : null);
            boolean inTransaction = transactionErrors != null && !isEnvelope(segmentTag);
            (inTransaction || isTrailerOfTransaction(segmentTag) && transactionErrors != null
                    ? transactionErrors : envelopeErrors).add(error);
        }

        /** The data element reference number (BEG01: 353) the transaction schema gives the element, if it names one. */
        private static String dataElement(EDIStreamReader reader) {
            io.xlate.edi.schema.EDIReference reference = reader.getSchemaTypeReference();
            if (reference == null || reference.getReferencedType() == null) {
                return null;
            }
            String code = reference.getReferencedType().getCode();
            return code != null && code.matches("[0-9]{1,4}") ? code : null;
        }

        private int segmentPosition(Location at) {
            return at.getSegmentPosition() > 0 ? at.getSegmentPosition() : segmentPosition;
        }

        void fatal(EDIStreamException e) throws Exception {
            boolean trailerRead = transactionSegments != null && !transactionSegments.isEmpty()
                    && isTrailerOfTransaction(transactionSegments.get(transactionSegments.size() - 1).tag());
            if (trailerRead) {
                endTransaction(); // complete in itself: only what came after it is missing
            }
            Location at = e.getLocation();
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            boolean truncated = message.toLowerCase(java.util.Locale.ROOT).contains("end of")
                    || message.toLowerCase(java.util.Locale.ROOT).contains("incomplete");
            fatal = new EdiError(truncated ? "TRUNCATED" : "UNREADABLE", at == null ? tag : at.getSegmentTag(),
                    at == null ? segmentPosition : segmentPosition(at), 0, 0, null, message);
        }

        ReadSummary summary() {
            return new ReadSummary(List.copyOf(interchanges), List.copyOf(groups), transactions,
                    List.copyOf(envelopeErrors), fatal);
        }

        private Envelope x12Envelope(EdiSegment isa) {
            return new Envelope("X12", isa.element(12), isa.element(5), isa.element(6).trim(), isa.element(7),
                    isa.element(8).trim(), isa.element(13), isa.element(9), isa.element(10),
                    "T".equals(isa.element(15)), null, delimiters, isa.position());
        }

        private Envelope edifactEnvelope(EdiSegment unb) {
            List<String> syntax = components(unb, 1);
            List<String> sender = components(unb, 2);
            List<String> receiver = components(unb, 3);
            List<String> when = components(unb, 4);
            return new Envelope("EDIFACT", at(syntax, 1), at(sender, 1), at(sender, 0), at(receiver, 1),
                    at(receiver, 0), unb.element(5), at(when, 0), at(when, 1), "1".equals(unb.element(11)),
                    at(syntax, 0), delimiters, unb.position());
        }

        private static List<String> components(EdiSegment segment, int element) {
            if (element > segment.elements().size()) {
                return List.of();
            }
            Object value = segment.elements().get(element - 1);
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return List.of(String.valueOf(value));
        }

        private static String at(List<String> values, int index) {
            return index < values.size() ? values.get(index) : "";
        }

        private static boolean isEnvelope(String tag) {
            return tag != null && switch (tag) {
                case "ISA", "IEA", "GS", "GE", "UNB", "UNZ", "UNG", "UNE", "UNA" -> true;
                default -> false;
            };
        }

        private static boolean isTrailerOfTransaction(String tag) {
            return "SE".equals(tag) || "UNT".equals(tag);
        }
    }

    static String describe(io.xlate.edi.stream.EDIStreamValidationError error) {
        return switch (error) {
            case CONTROL_REFERENCE_MISMATCH -> "the trailer's control number does not repeat the header's";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "the trailer's count does not match what was sent";
            case INVALID_CHARACTER_DATA -> "characters outside the declared character set";
            case INVALID_CODE_VALUE -> "not one of the allowed code values";
            case INVALID_DATE -> "not a valid date";
            case INVALID_TIME -> "not a valid time";
            case DATA_ELEMENT_TOO_LONG -> "longer than allowed";
            case DATA_ELEMENT_TOO_SHORT -> "shorter than allowed";
            case REQUIRED_DATA_ELEMENT_MISSING -> "a mandatory element is missing";
            case MANDATORY_SEGMENT_MISSING -> "a mandatory segment is missing";
            case UNEXPECTED_SEGMENT -> "a segment where none is expected";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "a segment out of order";
            case TOO_MANY_DATA_ELEMENTS -> "more elements than the segment has";
            case TOO_MANY_COMPONENTS -> "more components than the element has";
            case TOO_MANY_REPETITIONS -> "repeated more often than allowed";
            default -> error.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
