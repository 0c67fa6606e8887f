package io.crossdock.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.crossdock.events.InvalidEventException;
import io.crossdock.events.NoSuchDeadLetterException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a caller can cause becomes a problem detail naming what is wrong, never a bare 500. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidEvent(InvalidEventException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "Invalid " + e.type().eventName(), e.getMessage(),
                e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList());
    }

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "Bad request", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException e) {
        return Problem.response(Response.Status.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response noSuchDeadLetter(NoSuchDeadLetterException e) {
        return Problem.response(Response.Status.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }
}
