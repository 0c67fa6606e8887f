package io.crossdock.edi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.crossdock.canonical.CanonicalSchemas;
import io.crossdock.partner.PartnerDirectory;
import io.smallrye.common.annotation.Blocking;

/** {@code POST /api/v1/edi/dry-run?partner=demo} with a file as the body: what Crossdock would make of it, changing nothing. */
@jakarta.ws.rs.Path("/api/v1/edi/dry-run")
@RolesAllowed({"operator", "admin"})
@Blocking
public class DryRunResource {

    private final PartnerDirectory partners;
    private final DryRun dryRun;

    public DryRunResource(PartnerDirectory partners, EdiMappings mappings, CanonicalSchemas schemas) {
        this.partners = partners;
        this.dryRun = new DryRun(new TransactionMapper(mappings, schemas));
    }

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN, "application/edi-x12", "application/edifact"})
    @Produces(MediaType.APPLICATION_JSON)
    public DryRun.Report run(@QueryParam("partner") String partner, byte[] file) throws Exception {
        if (partner == null || partner.isBlank()) {
            throw new IllegalArgumentException("query parameter 'partner' is required (a partner profile id)");
        }
        if (file == null || file.length == 0) {
            throw new IllegalArgumentException("the request body must be the EDI file to try");
        }
        return dryRun.run(partners.find(partner).orElseThrow(() -> new NotFoundException("no partner profile '"
                + partner + "'")), file);
    }
}
