package io.crossdock.events;

import java.util.List;
import java.util.stream.Collectors;

import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Violation;

/** An event that does not match its schema; it was not published. The message names every field. */
public class InvalidEventException extends RuntimeException implements PermanentFailure {

    private final EventType type;
    private final List<Violation> violations;

    public InvalidEventException(EventType type, List<Violation> violations) {
        super(type.eventName() + " does not match " + type.schemaFile() + ": "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public EventType type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }
}
