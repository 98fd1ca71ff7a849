package io.wirewatch.enrich.extract;

import io.wirewatch.schema.Claim;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds attributed statements: a reporting verb (say, tell, deny, insist ...) with its speaker before it ("Mr
 * Lavrov said", "activists say", "he told NBC") or after it ("says Jim Muir", "quoted Mr. Lavrov as saying",
 * "according to Interfax"), captions ("Sergei Lavrov: \"...\""), direct when the words are quoted next to the
 * verb, else indirect with the reported clause as content. "He"/"she" is the last person named, "they" the last
 * group that spoke.
 */
final class ClaimExtractor {

    private record Speaker(String name, String entityId) {
    }

    List<Claim> extract(ArticleAnalysis article) {
        List<Claim> claims = new ArrayList<>();
        Map<String, Speaker> lastByKind = new LinkedHashMap<>();
        for (Sentence s : article.sentences) {
            boolean[] quoted = insideQuotes(s);
            for (int r = 0; r < s.size(); r++) {
                String w = s.lower(r);
                Claim claim = null;
                if (w.equals(":") && r + 1 < s.size() && s.token(r + 1).isQuote() && !quoted[r]) {
                    claim = caption(article, s, r, lastByKind);
                } else if (w.equals("according") && s.lower(r + 1).equals("to")) {
                    Speaker speaker = speakerAfter(article, s, r + 2);
                    if (speaker != null) {
                        claim = claim(article, s, speaker, "according to", false, contentBefore(article, s, r), r, r + 2);
                    }
                } else if (Lexicon.REPORTING_VERBS.contains(w) && !quoted[r] && !isPassive(s, r)) {
                    claim = verbClaim(article, s, r, quoted, lastByKind);
                }
                if (claim != null) {
                    claims.add(claim);
                    remember(article, claim, lastByKind);
                }
            }
        }
        return claims;
    }

    private Claim verbClaim(ArticleAnalysis article, Sentence s, int r, boolean[] quoted, Map<String, Speaker> last) {
        String verb = lemma(s.lower(r));
        if (s.lower(r).equals("quoted")) {
            Speaker speaker = speakerAfter(article, s, r + 1);
            if (speaker == null) {
                return null;
            }
            boolean direct = quoteFollows(s, r, 8);
            return claim(article, s, speaker, "say", direct, direct ? quotedText(article, s, r) : contentAfter(article, s, r + 1), r, r + 1);
        }
        Speaker speaker = speakerBefore(article, s, r, last);
        boolean inverted = false;
        if (speaker == null) {
            speaker = speakerAfter(article, s, r + 1);
            inverted = speaker != null;
        }
        if (speaker == null) {
            return null;
        }
        // Direct when the quotation sits against the attribution: '"...," she said' or 'said: "..."'.
        int subjectStart = r;
        while (subjectStart > 0 && s.token(subjectStart - 1).isWord()) {
            subjectStart--;
        }
        boolean quoteBefore = subjectStart >= 2 && s.token(subjectStart - 1).text().equals(",") && s.token(subjectStart - 2).isQuote()
                || subjectStart >= 1 && s.token(subjectStart - 1).isQuote()
                || inverted && r >= 2 && s.token(r - 2).isQuote();
        boolean quoteAfter = quoteFollows(s, r, 2);
        boolean direct = quoteBefore || quoteAfter;
        String content = quoteBefore ? quotedTextBefore(article, s, subjectStart)
                : quoteAfter ? quotedText(article, s, r) : contentAfter(article, s, r + 1);
        if (content == null || content.isBlank()) {
            content = contentBefore(article, s, subjectStart);
        }
        if (content == null || content.isBlank()) {
            return null;
        }
        return claim(article, s, speaker, verb, direct, content, Math.min(subjectStart, r), r + 1);
    }

    private Claim caption(ArticleAnalysis article, Sentence s, int colon, Map<String, Speaker> last) {
        Speaker speaker = speakerBefore(article, s, colon, last);
        if (speaker == null) {
            return null;
        }
        return claim(article, s, speaker, "say", true, quotedText(article, s, colon), Math.max(0, colon - 1), colon + 1);
    }

    private static boolean isPassive(Sentence s, int r) {
        String before = s.lower(r - 1);
        return (before.equals("were") || before.equals("was") || before.equals("is") || before.equals("are")
                || before.equals("been")) && s.lower(r).endsWith("ed");
    }

    private static boolean quoteFollows(Sentence s, int r, int within) {
        for (int k = r + 1; k <= Math.min(s.size() - 1, r + within); k++) {
            if (s.token(k).isQuote()) {
                return true;
            }
        }
        return false;
    }

    private Speaker speakerBefore(ArticleAnalysis article, Sentence s, int verb, Map<String, Speaker> last) {
        StringBuilder phrase = new StringBuilder();
        for (int k = verb - 1; k >= Math.max(0, verb - 7); k--) {
            Token token = s.token(k);
            if (!token.isWord() && !token.text().equals("'s")) {
                break;
            }
            String w = token.lower();
            if ((w.equals("he") || w.equals("she")) && phrase.length() == 0) {
                return last.get("person");
            }
            if (w.equals("they") && phrase.length() == 0) {
                return last.get("group");
            }
            if (w.equals("it") && phrase.length() == 0) {
                return last.get("body");
            }
            Mention mention = article.mentionAt(s.index(), k);
            if (mention != null) {
                ArticleEntity government = Speakers.governmentOf(article, s, mention, verb);
                if (government != null) {
                    return new Speaker(government.canonicalName, government.id);
                }
                String group = Speakers.group(phrase.toString());
                if (group != null) {
                    return new Speaker(group, null);
                }
                ArticleEntity entity = mention.entity();
                if (entity.type == EntityType.PLACE) {
                    return null;
                }
                if (mention.kind() == Mention.Kind.DEMONYM) {
                    return null; // "Syrian media quoted": a group we cannot name
                }
                return new Speaker(entity.canonicalName, entity.id);
            }
            if (w.equals("that") || w.equals("which") || w.equals("who") || w.equals("and") && phrase.length() == 0
                    || Lexicon.REPORTING_VERBS.contains(w)) {
                break;
            }
            phrase.insert(0, w + " ");
        }
        String group = Speakers.group(phrase.toString());
        return group == null ? null : new Speaker(group, null);
    }

    private static Speaker speakerAfter(ArticleAnalysis article, Sentence s, int from) {
        StringBuilder phrase = new StringBuilder();
        for (int k = from; k < Math.min(s.size(), from + 5); k++) {
            Token token = s.token(k);
            if (!token.isWord() && !token.text().equals("'s")) {
                break;
            }
            Mention mention = article.mentionAt(s.index(), k);
            if (mention != null && mention.entity().type != EntityType.PLACE && mention.kind() != Mention.Kind.DEMONYM) {
                return new Speaker(mention.entity().canonicalName, mention.entity().id);
            }
            phrase.append(token.lower()).append(' ');
        }
        String group = Speakers.group(phrase.toString());
        return group == null ? null : new Speaker(group, null);
    }

    private static void remember(ArticleAnalysis article, Claim claim, Map<String, Speaker> last) {
        Speaker speaker = new Speaker(claim.getSpeaker(), claim.getSpeakerEntityId());
        ArticleEntity entity = claim.getSpeakerEntityId() == null ? null : article.entities.get(claim.getSpeakerEntityId());
        if (entity == null) {
            last.put("group", speaker);
        } else if (entity.type == EntityType.PERSON) {
            last.put("person", speaker);
        } else {
            last.put("body", speaker);
            last.put("group", speaker);
        }
    }

    private static Claim claim(ArticleAnalysis article, Sentence s, Speaker speaker, String verb, boolean direct,
                               String content, int from, int to) {
        return Claim.newBuilder()
                .setSpeaker(speaker.name())
                .setSpeakerEntityId(speaker.entityId())
                .setVerb(verb)
                .setDirect(direct)
                .setContent(content == null ? "" : content.strip())
                .setReportedBy(article.outlet)
                .setEvidence(new Evidence(s.text(), s.index(), s.token(from).start(), s.token(Math.min(to, s.size()) - 1).end()))
                .build();
    }

    private static boolean[] insideQuotes(Sentence s) {
        boolean[] inside = new boolean[s.size()];
        boolean open = false;
        for (int k = 0; k < s.size(); k++) {
            if (s.token(k).isQuote()) {
                open = !open;
                continue;
            }
            inside[k] = open;
        }
        return inside;
    }

    private static String quotedText(ArticleAnalysis article, Sentence s, int from) {
        int open = -1;
        for (int k = from + 1; k < s.size(); k++) {
            if (s.token(k).isQuote()) {
                if (open < 0) {
                    open = k;
                } else {
                    return k - 1 >= open + 1 ? s.span(article.text, open + 1, k - 1) : null;
                }
            }
        }
        return open >= 0 && open + 1 < s.size() ? s.span(article.text, open + 1, s.size() - 1) : null;
    }

    private static String quotedTextBefore(ArticleAnalysis article, Sentence s, int end) {
        int close = -1;
        for (int k = end - 1; k >= 0; k--) {
            if (s.token(k).isQuote()) {
                if (close < 0) {
                    close = k;
                } else {
                    return close - 1 >= k + 1 ? s.span(article.text, k + 1, close - 1) : null;
                }
            }
        }
        return close > 0 ? s.span(article.text, 0, close - 1) : null;
    }

    private static String contentAfter(ArticleAnalysis article, Sentence s, int from) {
        int start = from;
        while (start < s.size() && !s.token(start).isWord() && !s.token(start).isNumber() && !s.token(start).isQuote()) {
            start++;
        }
        if (s.lower(start).equals("that")) {
            start++;
        }
        int end = s.size() - 1;
        while (end > start && !s.token(end).isWord() && !s.token(end).isNumber() && !s.token(end).isQuote()) {
            end--;
        }
        return start <= end && start < s.size() ? s.span(article.text, start, end) : null;
    }

    private static String contentBefore(ArticleAnalysis article, Sentence s, int end) {
        int last = end - 1;
        while (last >= 0 && !s.token(last).isWord() && !s.token(last).isNumber()) {
            last--;
        }
        return last >= 0 ? s.span(article.text, 0, last) : null;
    }

    private static String lemma(String form) {
        return Lexicon.REPORTING_LEMMAS.getOrDefault(form, form);
    }
}
