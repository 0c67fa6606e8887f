package io.crossdock.odoo;

/** A many2one value as routes see it: the record's id and, when Odoo sent it, its display name. */
public record OdooRef(long id, String name) {

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
