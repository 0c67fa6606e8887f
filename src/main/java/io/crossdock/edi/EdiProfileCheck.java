package io.crossdock.edi;

import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.partner.PartnerProfile;
import io.crossdock.partner.PartnerProfileCheck;

/**
 * What the EDI stage must be able to do with a partner's profile before the partner's first file:
 * write its delimiters, its EDIFACT character set, and every document its {@code edi.outbound} names.
 */
@ApplicationScoped
public class EdiProfileCheck implements PartnerProfileCheck {

    @Override
    public void check(PartnerProfile profile) {
        PartnerProfile.Edi edi = profile.edi();
        if (edi == null) {
            return;
        }
        if (edi.isEdifact() && !EdifactCharsets.writable().contains(edi.charsetOrDefault())) {
            throw new IllegalArgumentException("edi.charset '" + edi.charset() + "' must be one of " + new TreeSet<>(EdifactCharsets.writable()));
        }
        Delimiters.of(edi);
        edi.outboundOrNone().forEach((type, document) -> checkOutboundType(edi, type, document));
    }

    private static void checkOutboundType(PartnerProfile.Edi edi, String type, PartnerProfile.OutboundDocument document) {
        if (edi.isEdifact()) {
            if (!type.matches("[A-Z]{6}")) {
                throw new IllegalArgumentException("edi.outbound." + type + " is no EDIFACT message type (six capitals: ORDRSP)");
            }
            String version = document.versionOr(edi.versionOrDefault());
            if (!version.matches("[A-Z0-9]{1,3}:[A-Z0-9]{1,3}:[A-Z0-9]{1,3}(:[A-Z0-9]{1,6})?")) {
                throw new IllegalArgumentException("edi.outbound." + type + " version '" + version
                        + "' is not an EDIFACT message version (D:96A:UN, or D:96A:UN:EAN008 with an association code)");
            }
        } else if (!OutboundTransaction.sends(type)) {
            throw new IllegalArgumentException("edi.outbound." + type + " is no X12 transaction set we write (one of "
                    + OutboundTransaction.SENT + ")");
        }
    }
}
