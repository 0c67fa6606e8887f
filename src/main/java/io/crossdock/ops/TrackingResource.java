package io.crossdock.ops;


import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crossdock.store.DocumentArchive;
import io.smallrye.common.annotation.Blocking;

/** Find any transaction by what you know of it, and read the documents it was made of. */
@Path("/api/v1")
@RolesAllowed({"operator", "admin"})
@Blocking
public class TrackingResource {

    private final TrackingQuery tracking;
    private final DocumentArchive archive;

    public TrackingResource(TrackingQuery tracking, DocumentArchive archive) {
        this.tracking = tracking;
        this.archive = archive;
    }

    /** The timeline of a business key (demo/PO-1 or PO-1), a file name or a correlation id. */
    @GET
    @Path("/track/{key: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public TrackingQuery.Timeline track(@PathParam("key") String key) throws Exception {
        TrackingQuery.Timeline timeline = tracking.timeline(key);
        if (timeline.timeline().isEmpty()) {
            throw new NotFoundException("nothing is known under '" + key + "': try a PO, shipment, invoice or"
                    + " payment reference, a file name or a correlation id");
        }
        return timeline;
    }

    /** An archived document, byte for byte as it was received or sent. */
    @GET
    @Path("/archive/{archiveId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response archived(@PathParam("archiveId") String archiveId) throws Exception {
        DocumentArchive.Archived document = archive.read(archiveId)
                .orElseThrow(() -> new NotFoundException("no archived document " + archiveId));
        return Response.ok(document.content())
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName().replace("\"", "") + "\"")
                .build();
    }
}
