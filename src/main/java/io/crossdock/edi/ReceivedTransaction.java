package io.crossdock.edi;

/**
 * One transaction of a taken interchange, as the splitter hands it on: its content (second pass) and
 * its outline as the first pass judged it against its schema.
 */
public record ReceivedTransaction(EdiTransaction content, EdiTransaction judged) {

    public Envelope interchange() {
        return content.interchange();
    }

    /** Its schema found no error. */
    public boolean isValid() {
        return judged.valid();
    }

    /** A 997, 999 or CONTRL: the partner acknowledging what we sent, not business data. */
    public boolean isAcknowledgment() {
        return ReceivedAcknowledgment.isAcknowledgment(content);
    }

    /** The transaction type and control number, e.g. {@code 850 0001}. */
    public String key() {
        return content.type() + " " + content.controlNumber();
    }
}
