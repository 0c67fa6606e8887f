package io.crossdock.api;

import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit trail of writes, for operators and auditors. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({"operator", "admin"})
    public List<AuditTrail.Entry> byClient(@QueryParam("client") String client, @DefaultValue("100") @QueryParam("limit") int limit)
            throws SQLException {
        if (client == null || client.isBlank()) {
            throw new jakarta.ws.rs.BadRequestException("Name the client: /api/v1/audit?client=<name>");
        }
        return audit.byClient(client, Math.max(1, Math.min(limit, 1000)));
    }
}
