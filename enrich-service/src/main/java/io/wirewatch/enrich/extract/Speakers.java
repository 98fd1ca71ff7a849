package io.wirewatch.enrich.extract;

import io.wirewatch.schema.EntityType;
import java.util.List;

/**
 * Names who is speaking or giving a figure: a known entity (its canonical name; "the Syrian government" and
 * "President Assad's government" name the state), or an unnamed group ("activists", "state media", "rights groups").
 */
final class Speakers {

    /** Group labels, matched as whole words in the subject phrase; the first one written wins. */
    private static final List<String> GROUPS = List.of("rights groups", "rights group", "activists", "state media",
            "state television", "state tv", "state news agency", "rebels", "residents", "witnesses", "medics", "doctors",
            "police", "officials", "army", "military", "monitors", "observers", "diplomats", "analysts", "sources",
            "protesters", "opposition");

    private Speakers() {
    }

    /** The group a phrase names, preferring the earliest in the text; "opposition" only when nothing else is named. */
    static String group(String phrase) {
        String text = " " + phrase.trim() + " ";
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (String group : GROUPS) {
            int at = text.indexOf(" " + group + " ");
            if (at >= 0 && !group.equals("opposition") && at < bestAt) {
                best = group;
                bestAt = at;
            }
        }
        if (best == null && text.contains(" opposition ")) {
            return "opposition";
        }
        return best;
    }

    /** The state behind a mention used as a speaker: "the Syrian government", "President Assad's government". */
    static ArticleEntity governmentOf(ArticleAnalysis article, Sentence s, Mention mention, int limit) {
        ArticleEntity entity = mention.entity();
        for (int k = mention.to(); k < Math.min(limit, mention.to() + 3); k++) {
            String w = s.lower(k);
            if (w.equals("government") || w.equals("regime") || w.equals("administration") || w.equals("authorities")) {
                if (entity.type == EntityType.COUNTRY) {
                    return entity;
                }
                if (entity.type == EntityType.PERSON && entity.countryCode != null) {
                    return countryByCode(article, entity.countryCode);
                }
            }
        }
        return null;
    }

    static ArticleEntity countryByCode(ArticleAnalysis article, String code) {
        for (ArticleEntity candidate : article.entities.values()) {
            if (candidate.type == EntityType.COUNTRY && code.equals(candidate.countryCode)) {
                return candidate;
            }
        }
        return null;
    }
}
