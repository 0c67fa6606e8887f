package io.crossdock.odoo;

/** Odoo rejected the integration user's credentials (AccessDenied, HTTP 401, or authenticate answered false). Never retried: the health check reports DOWN until the key is fixed. */
public class OdooAuthenticationException extends OdooException {

    public OdooAuthenticationException(String message, String odooName) {
        super(message, odooName);
    }
}
