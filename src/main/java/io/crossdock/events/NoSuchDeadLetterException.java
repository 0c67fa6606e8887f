package io.crossdock.events;

/** No dead letter has this id. */
public class NoSuchDeadLetterException extends RuntimeException {

    public NoSuchDeadLetterException(String id) {
        super("no dead letter with id " + id);
    }
}
