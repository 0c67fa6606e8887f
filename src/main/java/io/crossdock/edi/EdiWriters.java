package io.crossdock.edi;

import java.io.OutputStream;
import java.util.Map;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamWriter;

/** StAEDI writers with the delimiters of what we write, one segment a line. */
final class EdiWriters {

    private EdiWriters() {
    }

    /** {@code delimiters}: StAEDI's {@code Delimiters} property names to characters. */
    static EDIStreamWriter writer(OutputStream out, Map<String, Character> delimiters) {
        return factory(delimiters).createEDIStreamWriter(out);
    }

    /** A writer encoding characters as the interchange declares (an EDIFACT UNOC interchange is ISO 8859-1). */
    static EDIStreamWriter writer(OutputStream out, Map<String, Character> delimiters, java.nio.charset.Charset encoding) {
        try {
            return factory(delimiters).createEDIStreamWriter(out, encoding.name());
        } catch (io.xlate.edi.stream.EDIStreamException e) {
            throw new IllegalArgumentException("StAEDI cannot write " + encoding + ": " + e.getMessage(), e);
        }
    }

    private static EDIOutputFactory factory(Map<String, Character> delimiters) {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        delimiters.forEach(factory::setProperty);
        // One segment a line, unless the segment terminator is itself the line break.
        Character segment = delimiters.get(io.xlate.edi.stream.EDIStreamConstants.Delimiters.SEGMENT);
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, segment == null || segment != '\n' && segment != '\r');
        return factory;
    }
}
