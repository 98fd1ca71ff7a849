package io.wirewatch.enrich.extract;

import io.wirewatch.schema.EntityType;
import java.util.List;

/**
 * An entity the gazetteers know before reading any article: a country, a capital or other place, or an
 * organisation (with its member states when it is a group of states).
 *
 * @param id            stable key shared across articles ({@code country:SY}, {@code org:gulf-cooperation-council})
 * @param countryCode   ISO 3166-1 alpha-2 of the country, or of the country a place lies in; null if none
 * @param members       canonical names of member states, for groups of states
 * @param orgKind       for organisations, what sort of actor it is; null otherwise
 * @param capitalOf     for a capital city, the country its name stands for when used as an actor; null otherwise
 * @param code          the knowledge base's code of a state (ISO 3166-1 alpha-2) or a bloc (GCC, UNSC ...); null otherwise
 * @param memberCodes   ISO codes of {@code members}, in the same order
 */
record KnownEntity(
        String id,
        EntityType type,
        String canonicalName,
        String countryCode,
        List<String> members,
        OrgKind orgKind,
        KnownEntity capitalOf,
        String code,
        List<String> memberCodes) {

    /** An entity that is no state or bloc of the knowledge base: a place, a person, another organisation. */
    static KnownEntity other(
            String id,
            EntityType type,
            String canonicalName,
            String countryCode,
            OrgKind orgKind,
            KnownEntity capitalOf) {
        return new KnownEntity(id, type, canonicalName, countryCode, List.of(), orgKind, capitalOf, null, List.of());
    }

    /** What an organisation is, which decides whether it can be the actor of a diplomatic action. */
    enum OrgKind {
        STATE_GROUP,
        BODY,
        GOVERNMENT,
        MEDIA,
        GROUP
    }

    /** States and groups of states act diplomatically; so do international bodies (UN sanctions). */
    boolean canActDiplomatically() {
        return type == EntityType.COUNTRY || orgKind == OrgKind.STATE_GROUP || orgKind == OrgKind.BODY;
    }
}
