package io.crossdock.partner;

/**
 * A check of a partner profile that only its format's adapter can make (the EDI stage knows which
 * delimiters, charsets and documents it can write). Adapters contribute these as beans, so profiles
 * stay data the {@code partner} package reads without knowing any format.
 */
@FunctionalInterface
public interface PartnerProfileCheck {

    /** Throws {@link IllegalArgumentException} naming the profile's field and what is wrong with it. */
    void check(PartnerProfile profile);
}
