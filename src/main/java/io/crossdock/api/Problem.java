package io.crossdock.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail: what went wrong, in a form both people and programs read. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field, named by its JSON path. */
    public record FieldError(String field, String rule, String message) {
    }

    public static Response response(Response.Status status, String title, String detail, List<FieldError> errors) {
        return response(status.getStatusCode(), title, detail, errors);
    }

    /** For statuses JAX-RS has no constant for, such as 422 and 429. */
    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors))
                .build();
    }
}
