package io.crossdock.edi;

/** A received transaction after its partner's mapping: the canonical event's data, or why there is none. */
public record MappedTransaction(ReceivedTransaction source, TransactionMapper.Mapped mapped) {

    public boolean isOk() {
        return mapped.ok();
    }

    /** Why the mapping made no valid event: the mapping's own problem, or the canonical schema's violations. */
    public String problem() {
        return source.key() + (mapped.problem() != null ? ": " + mapped.problem()
                : " does not make a valid " + mapped.type().eventName() + ": " + mapped.violations());
    }
}
