package io.crossdock.sandbox.odoo;

import java.util.List;

/**
 * An exception as Odoo raises it: the Python class name that goes into {@code error.data.name},
 * and how each transport reports it (XML-RPC fault code, JSON-2 status), as read from Odoo's
 * {@code odoo/http.py} and {@code addons/rpc/controllers}.
 */
final class OdooFault extends RuntimeException {

    private final String pythonName;
    private final int xmlRpcCode;
    private final int json2Status;

    private OdooFault(String pythonName, String message, int xmlRpcCode, int json2Status) {
        super(message);
        this.pythonName = pythonName;
        this.xmlRpcCode = xmlRpcCode;
        this.json2Status = json2Status;
    }

    static OdooFault userError(String message) {
        return new OdooFault("odoo.exceptions.UserError", message, 2, 422);
    }

    static OdooFault validation(String message) {
        return new OdooFault("odoo.exceptions.ValidationError", message, 2, 422);
    }

    static OdooFault missing(String message) {
        return new OdooFault("odoo.exceptions.MissingError", message, 2, 404);
    }

    static OdooFault accessDenied() {
        return new OdooFault("odoo.exceptions.AccessDenied", "Access Denied", 3, 403);
    }

    static OdooFault accessError(String message) {
        return new OdooFault("odoo.exceptions.AccessError", message, 4, 403);
    }

    static OdooFault serializationFailure() {
        return new OdooFault("psycopg2.errors.SerializationFailure",
                "could not serialize access due to concurrent update", 1, 409);
    }

    static OdooFault valueError(String message) {
        return new OdooFault("builtins.ValueError", message, 1, 500);
    }

    static OdooFault badArguments(String message) {
        return new OdooFault("builtins.TypeError", message, 1, 422);
    }

    static OdooFault unexpected(String pythonName, String message) {
        return new OdooFault(pythonName, message, 1, 500);
    }

    static OdooFault notFound(String message) {
        return new OdooFault("werkzeug.exceptions.NotFound", message, 1, 404);
    }

    static OdooFault unauthorized(String message) {
        return new OdooFault("werkzeug.exceptions.Unauthorized", message, 3, 401);
    }

    String pythonName() {
        return pythonName;
    }

    int xmlRpcCode() {
        return xmlRpcCode;
    }

    int json2Status() {
        return json2Status;
    }

    List<Object> arguments() {
        return List.of(getMessage());
    }

    /** Odoo answers with the server-side traceback; ours names the emulator so nobody hunts for Python code. */
    String debug() {
        String exception = pythonName.substring(pythonName.lastIndexOf('.') + 1);
        return "Traceback (most recent call last):\n  File \"crossdock-odoo-emulator\", in dispatch\n"
                + pythonName.replaceAll("\\.[A-Za-z]+$", "") + "." + exception + ": " + getMessage() + "\n";
    }

    /** XML-RPC carries a traceback for application errors (code 1) and the bare message otherwise. */
    String xmlRpcFaultString() {
        return xmlRpcCode == 1 ? debug() : getMessage();
    }
}
