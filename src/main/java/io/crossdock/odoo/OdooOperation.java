package io.crossdock.odoo;

import java.util.Locale;

/** What an {@code odoo:} producer endpoint does with the message. */
public enum OdooOperation {
    SEARCH_READ, SEARCH, SEARCH_COUNT, READ, CREATE, WRITE, UNLINK, CALL, FIELDS_GET;

    public static OdooOperation of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown odoo operation '" + name + "'; use one of search_read, search,"
                    + " search_count, read, create, write, unlink, call, fields_get");
        }
    }
}
