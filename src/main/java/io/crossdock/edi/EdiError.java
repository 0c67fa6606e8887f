package io.crossdock.edi;

/**
 * One thing wrong in a file, pinned to where it is: the segment's position in the file (1-based),
 * its tag, and the element and component positions when the error is in an element.
 *
 * @param code StAEDI's validation error name (CONTROL_REFERENCE_MISMATCH, INVALID_CHARACTER_DATA, ...)
 *     or a Crossdock code (UNREADABLE, TRUNCATED)
 * @param dataElement the element's data element reference number (353 for BEG01) when a schema names it, else null
 */
public record EdiError(String code, String segmentTag, int segmentPosition, int elementPosition,
        int componentPosition, String value, String reason, String dataElement) {

    public EdiError(String code, String segmentTag, int segmentPosition, int elementPosition, int componentPosition, String value,
            String reason) {
        this(code, segmentTag, segmentPosition, elementPosition, componentPosition, value, reason, null);
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder("segment ").append(segmentPosition);
        if (segmentTag != null) {
            where.append(" (").append(segmentTag).append(')');
        }
        if (elementPosition > 0) {
            where.append(", element ").append(segmentTag == null ? "" : segmentTag)
                    .append(String.format("%02d", elementPosition));
            if (componentPosition > 0) {
                where.append('-').append(componentPosition);
            }
        }
        return where + ": " + code + (value == null ? "" : " '" + value + "'") + " - " + reason;
    }
}
