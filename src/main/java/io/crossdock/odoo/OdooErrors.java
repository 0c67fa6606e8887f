package io.crossdock.odoo;

import java.util.Map;
import java.util.Set;

/** Odoo's error envelopes (JSON-RPC {@code error.data.name}, JSON-2 status and name) as exceptions with meaning. */
final class OdooErrors {

    private static final Set<String> CONCURRENCY = Set.of(
            "psycopg2.errors.SerializationFailure", "psycopg2.errors.LockNotAvailable",
            "psycopg2.errors.DeadlockDetected", "psycopg2.extensions.TransactionRollbackError",
            "psycopg.errors.SerializationFailure", "psycopg.errors.LockNotAvailable", "psycopg.errors.DeadlockDetected");

    private OdooErrors() {
    }

    static OdooException fromName(String name, String message, String where) {
        String text = where + ": " + (message == null ? name : message);
        if (name == null) {
            return new OdooServerException(text, null);
        }
        if (CONCURRENCY.contains(name)) {
            return new OdooConcurrencyException(text, name);
        }
        return switch (name) {
            case "odoo.exceptions.AccessDenied" -> new OdooAuthenticationException(text, name);
            case "odoo.exceptions.AccessError" -> new OdooAccessException(text, name);
            case "odoo.exceptions.MissingError" -> new OdooMissingRecordException(text, name);
            case "odoo.exceptions.UserError", "odoo.exceptions.ValidationError", "odoo.exceptions.RedirectWarning",
                    "odoo.exceptions.except_orm", "odoo.exceptions.Warning" -> new OdooValidationException(text, name);
            default -> new OdooServerException(text, name);
        };
    }

    /** A JSON-RPC {@code error} member. */
    static OdooException fromJsonRpc(Map<?, ?> error, String where) {
        Map<?, ?> data = error.get("data") instanceof Map<?, ?> map ? map : Map.of();
        Object name = data.get("name");
        Object message = data.get("message") != null ? data.get("message") : error.get("message");
        if (name == null && Integer.valueOf(100).equals(error.get("code"))) {
            return new OdooAuthenticationException(where + ": Odoo Session Expired", null);
        }
        return fromName(name == null ? null : name.toString(), message == null ? null : message.toString(), where);
    }

    /** A JSON-2 error: the status decides, except that a 500 may still name a concurrency failure. */
    static OdooException fromJson2(int status, Map<?, ?> body, String where) {
        String name = body.get("name") == null ? null : body.get("name").toString();
        String message = body.get("message") == null ? "HTTP " + status : body.get("message").toString();
        String text = where + ": " + message;
        return switch (status) {
            case 401 -> new OdooAuthenticationException(text, name);
            case 403 -> "odoo.exceptions.AccessDenied".equals(name) ? new OdooAuthenticationException(text, name)
                    : new OdooAccessException(text, name);
            case 404 -> "odoo.exceptions.MissingError".equals(name) ? new OdooMissingRecordException(text, name)
                    : new OdooServerException(text + " (is the model or method installed?)", name);
            case 409 -> new OdooConcurrencyException(text, name);
            case 422 -> "builtins.TypeError".equals(name) ? new OdooServerException(text, name)
                    : new OdooValidationException(text, name);
            default -> fromName(name, message, where);
        };
    }
}
