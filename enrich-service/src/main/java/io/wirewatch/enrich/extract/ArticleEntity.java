package io.wirewatch.enrich.extract;

import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An entity as seen in one article: what the gazetteers or the name rules say it is, plus every alias and mention
 * found. Mutable while one article is read (owned by one thread), then turned into the Avro {@link Entity}.
 */
final class ArticleEntity {

    final String id;
    final EntityType type;
    final String canonicalName;
    final KnownEntity known;
    /** ISO code of the country: the country itself, where a place lies, or the state a person serves when known. */
    String countryCode;
    /** For a place: where the world gazetteer puts it (null when read from context only), and its region. */
    Integer geonameId;

    Double latitude;
    Double longitude;
    String region;
    /** True for a first-level region (a province, a state), which is less precise than a town. */
    boolean firstLevelRegion;
    /**
     * For a place the world gazetteer holds: its name there ("Baghdad" for "Bagdad", "Algiers" for "Argel"), the one
     * vocabulary reports in every language share; null otherwise.
     */
    String gazetteerName;
    /**
     * For a site named after its town ("Mombasa Technical College", "Kano Central Mosque", "le marché de Gao"): the
     * town, which says where the site is; null otherwise.
     */
    ArticleEntity seat;

    final Set<String> aliases = new LinkedHashSet<>();
    final List<Mention> mentions = new ArrayList<>();

    ArticleEntity(String id, EntityType type, String canonicalName, KnownEntity known, String countryCode) {
        this.id = id;
        this.type = type;
        this.canonicalName = canonicalName;
        this.known = known;
        this.countryCode = countryCode;
    }

    static ArticleEntity of(KnownEntity known) {
        return new ArticleEntity(known.id(), known.type(), known.canonicalName(), known, known.countryCode());
    }

    boolean canActDiplomatically() {
        return known != null && known.canActDiplomatically();
    }

    boolean isStateGroup() {
        return known != null && known.orgKind() == KnownEntity.OrgKind.STATE_GROUP;
    }

    List<String> members() {
        return known == null ? List.of() : known.members();
    }

    List<String> memberCodes() {
        return known == null ? List.of() : known.memberCodes();
    }

    /** The knowledge base's code of a state or bloc (ISO 3166-1 alpha-2, GCC, UNSC ...), else null. */
    String code() {
        return known == null ? null : known.code();
    }

    /** A group of states or an international body: the actors that suspend members. */
    boolean isGroupOrBody() {
        return known != null
                && (known.orgKind() == KnownEntity.OrgKind.STATE_GROUP || known.orgKind() == KnownEntity.OrgKind.BODY);
    }

    Entity toAvro(List<Sentence> sentences) {
        List<Evidence> evidence = new ArrayList<>(mentions.size());
        for (Mention mention : mentions) {
            Sentence sentence = sentences.get(mention.sentenceIndex());
            evidence.add(new Evidence(sentence.text(), sentence.index(), mention.charStart(), mention.charEnd()));
        }
        return Entity.newBuilder()
                .setId(id)
                .setType(type)
                .setCanonicalName(canonicalName)
                .setAliases(new ArrayList<>(aliases))
                // Persons carry their state internally (to read "the Assad regime" as Syria) but the contract keeps
                // countryCode for countries and places.
                .setCountryCode(type == EntityType.PERSON || type == EntityType.ORGANISATION ? null : countryCode)
                .setMembers(members())
                .setMentions(evidence)
                .build();
    }

    @Override
    public String toString() {
        return id;
    }
}
