package io.crossdock.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crossdock.api.Problem;
import io.crossdock.canonical.InventoryPosition;

/** What can be promised now, per SKU: {@code GET /api/v1/availability?sku=A&sku=B}. */
@Path("/api/v1/availability")
@Produces(MediaType.APPLICATION_JSON)
public class AvailabilityResource {

    private static final int MAX_SKUS = 100;

    private final Availability availability;

    public AvailabilityResource(Availability availability) {
        this.availability = availability;
    }

    @GET
    @RolesAllowed({"channel", "operator", "admin"})
    public Response availability(@QueryParam("sku") List<String> skus) {
        List<String> asked = skus == null ? List.of() : skus.stream().map(String::trim).filter(sku -> !sku.isEmpty()).distinct().toList();
        if (asked.isEmpty() || asked.size() > MAX_SKUS) {
            return Problem.response(Response.Status.BAD_REQUEST, "Invalid request", "Ask for 1 to " + MAX_SKUS + " SKUs",
                    List.of(new Problem.FieldError("sku", asked.isEmpty() ? "required" : "maxItems",
                            asked.isEmpty() ? "name at least one SKU: ?sku=SKU-1001" : "at most " + MAX_SKUS + " SKUs per request")));
        }
        Map<String, InventoryPosition> positions = availability.of(asked);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("positions", List.copyOf(positions.values()));
        answer.put("unknownSkus", asked.stream().filter(sku -> !positions.containsKey(sku)).toList());
        return Response.ok(answer).build();
    }
}
