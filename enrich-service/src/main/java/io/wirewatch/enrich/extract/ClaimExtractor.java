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

    private record Speaker(String name, String entityId) {}

    /** A speaker found before its verb, and the token where the speaker's words begin. */
    private record Subject(Speaker speaker, int start) {}

    List<Claim> extract(ArticleAnalysis article) {
        Lexicon lexicon = article.language.lexicon();
        List<Claim> claims = new ArrayList<>();
        Map<String, Speaker> lastByKind = new LinkedHashMap<>();
        for (Sentence s : article.sentences) {
            boolean[] quoted = insideQuotes(article.text, s);
            Claim according = null;
            int claimsBefore = claims.size();
            for (int r = 0; r < s.size(); r++) {
                String w = s.lower(r);
                Claim claim = null;
                if (w.equals(":") && r + 1 < s.size() && s.token(r + 1).isQuote() && !quoted[r]) {
                    claim = caption(article, s, r, lastByKind);
                } else if (lexicon.matchAt("ACCORDING_TO", s, r) > 0) {
                    int length = lexicon.matchAt("ACCORDING_TO", s, r);
                    Speaker speaker = speakerAfter(article, s, r + length);
                    if (speaker != null) {
                        according = claim(
                                article,
                                s,
                                speaker,
                                "according to",
                                false,
                                contentBefore(article, s, r),
                                r,
                                r + length);
                    }
                } else if (article.language.isReportingVerb(w) && !quoted[r] && !isPassive(lexicon, s, r)) {
                    claim = verbClaim(article, s, r, quoted, lastByKind);
                }
                if (claim != null) {
                    claims.add(claim);
                    remember(article, claim, lastByKind);
                }
            }
            // "According to Interfax, Lavrov told Assad ...": the agency only relays Lavrov's claim.
            if (according != null && claims.size() == claimsBefore) {
                claims.add(according);
                remember(article, according, lastByKind);
            }
        }
        return claims;
    }

    private Claim verbClaim(ArticleAnalysis article, Sentence s, int r, boolean[] quoted, Map<String, Speaker> last) {
        String verb = article.language.reportingLemma(s.lower(r));
        if (article.language.lexicon().is("QUOTED", s, r)) {
            Speaker speaker = speakerAfter(article, s, r + 1);
            if (speaker == null) {
                return null;
            }
            int closing = closingQuoteBefore(s, r);
            boolean direct = quoteFollows(s, r, 8) || closing >= 0 && wholeLeadIsQuoted(s, closing);
            if (closing >= 0 && direct && !quoteFollows(s, r, 8)) {
                return claim(article, s, speaker, "say", true, quotedTextBefore(article, s, closing + 1), r, r + 1);
            }
            return claim(
                    article,
                    s,
                    speaker,
                    "say",
                    direct,
                    direct ? quotedText(article, s, r) : contentAfter(article, s, r + 1),
                    r,
                    r + 1);
        }
        Subject subject = speakerBefore(article, s, r, last);
        Speaker speaker = subject == null ? null : subject.speaker();
        int subjectStart = subject == null ? r : subject.start();
        boolean inverted = false;
        if (speaker == null
                && (r == 0 || s.lower(r - 1).equals(",") || s.token(r - 1).isQuote())) {
            // "..., says Jim Muir", "\"...,\" said Fyodor Lukyanov"
            speaker = speakerAfter(article, s, r + 1);
            if (speaker != null && speaker.entityId() == null) {
                speaker = null; // "said the military assault ...": a clause, not a speaker
            }
            inverted = speaker != null;
            subjectStart = r;
        }
        if (speaker == null) {
            return null;
        }
        int closingQuote = closingQuoteBefore(s, subjectStart);
        boolean quoteBefore = closingQuote >= 0 && wholeLeadIsQuoted(s, closingQuote);
        boolean quoteAfter = !inverted && quoteFollows(s, r, 2) && quoteRunsToEnd(s, r);
        boolean direct = quoteBefore || quoteAfter;
        String content = quoteBefore
                ? quotedTextBefore(article, s, closingQuote + 1)
                : quoteAfter ? quotedText(article, s, r) : contentAfter(article, s, r + 1);
        if (content == null || content.isBlank()) {
            content = contentBefore(article, s, subjectStart);
        }
        if (content == null || content.isBlank()) {
            return null;
        }
        return claim(article, s, speaker, verb, direct, content, Math.min(subjectStart, r), r + 1);
    }

    /** The quote mark that closes a quotation right before the speaker ('...," she said' or '...", she said'). */
    private static int closingQuoteBefore(Sentence s, int subjectStart) {
        int k = subjectStart - 1;
        // Titles and the like between quotation and name: '...," Prime Minister Narendra Modi said'
        while (k >= 0
                && subjectStart - k <= 5
                && (s.token(k).isWord() || s.lower(k).equals("'s"))) {
            k--;
        }
        if (k >= 0 && s.lower(k).equals(",")) {
            k--;
        }
        return k >= 0 && s.token(k).isQuote() ? k : -1;
    }

    /**
     * Direct speech when everything before the attribution is the quotation: it opens the sentence, or it began in an
     * earlier sentence. '... told Mr. Assad it was in Russia's interest for "Arab peoples to live in peace", the RIA
     * news agency said' quotes a fragment inside indirect speech.
     */
    private static boolean wholeLeadIsQuoted(Sentence s, int closingQuote) {
        int quotes = 0;
        int first = -1;
        for (int k = 0; k < closingQuote; k++) {
            if (s.token(k).isQuote()) {
                quotes++;
                first = first < 0 ? k : first;
            }
        }
        return quotes == 0 || quotes == 1 && first == 0 || quotes % 2 == 0 && first == 0 && quotes <= 3;
    }

    /** 'said: "They believe so."' — a quotation that runs from the verb to the end of the sentence. */
    private static boolean quoteRunsToEnd(Sentence s, int r) {
        for (int k = s.size() - 1; k > r; k--) {
            if (s.token(k).isQuote()) {
                return k >= s.size() - 3;
            }
            if (s.token(k).isWord()) {
                return false;
            }
        }
        return false;
    }

    private Claim caption(ArticleAnalysis article, Sentence s, int colon, Map<String, Speaker> last) {
        Subject subject = speakerBefore(article, s, colon, last);
        if (subject == null) {
            return null;
        }
        return claim(
                article,
                s,
                subject.speaker(),
                "say",
                true,
                quotedText(article, s, colon),
                Math.max(0, colon - 1),
                colon + 1);
    }

    /** "were reported killed": a reporting verb in the passive names no speaker. */
    private static boolean isPassive(Lexicon lexicon, Sentence s, int r) {
        return lexicon.is("BE", s, r - 1) && s.lower(r).endsWith("ed");
    }

    private static boolean quoteFollows(Sentence s, int r, int within) {
        for (int k = r + 1; k <= Math.min(s.size() - 1, r + within); k++) {
            if (s.token(k).isQuote()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The speaker before a reporting verb: a named entity, a pronoun (the last person or group that spoke), or a
     * group phrase. Skips appositions and asides ("Paul Wood, in Homs, says", "Mohammad al-Hassan, an activist in
     * Homs, told", "The Gulf Cooperation Council (GCC) said") and prefers the person in "Dmitri Trenin of the
     * Carnegie Moscow Centre said".
     */
    private Subject speakerBefore(ArticleAnalysis article, Sentence s, int verb, Map<String, Speaker> last) {
        Lexicon lexicon = article.language.lexicon();
        StringBuilder phrase = new StringBuilder();
        int k = verb - 1;
        int limit = Math.max(0, verb - 25);
        while (k >= limit) {
            Token token = s.token(k);
            String w = token.lower();
            if (w.equals(")")) {
                int open = k - 1;
                while (open >= limit && !s.lower(open).equals("(")) {
                    open--;
                }
                k = open - 1;
                continue;
            }
            if ((w.equals(",") || w.equals("-")) && phrase.length() == 0 && k < verb - 1) {
                break;
            }
            if (w.equals(",") || w.equals("-")) {
                if (phrase.length() > 0 || k != verb - 1) {
                    break;
                }
            }
            if ((w.equals(",") || w.equals("-")) && k == verb - 1) {
                int open = k - 1;
                while (open >= limit && !s.lower(open).equals(w)) {
                    open--;
                }
                if (open < limit || k - open > 11) {
                    return null; // a long stretch between commas is a clause, not an aside
                }
                Mention first = firstWordMention(article, s, open + 1, k);
                if (first != null && first.entity().type != EntityType.PLACE && first.kind() != Mention.Kind.DEMONYM) {
                    return new Subject(speakerOf(first.entity()), open + 1); // ", Vitaly Churkin, denied"
                }
                k = open - 1; // ", in Homs, says": skip the aside
                continue;
            }
            if (!token.isWord() && !lexicon.is("POSSESSIVE", w)) {
                break;
            }
            if (lexicon.is("PRONOUN_PERSON", w) && phrase.length() == 0) {
                return subject(last.get("person"), k);
            }
            if (lexicon.is("PRONOUN_OTHER", w) && phrase.length() == 0) {
                // "they" a group, "it" a body; a language whose one pronoun is both ("ils") takes the group
                return subject(last.get(lexicon.is("PRONOUN_PLURAL", w) ? "group" : "body"), k);
            }
            Mention mention = article.mentionAt(s.index(), k);
            if (mention != null && mention.entity().type != EntityType.PLACE) {
                ArticleEntity government = Speakers.governmentOf(article, s, mention, verb);
                if (government != null) {
                    return new Subject(new Speaker(government.canonicalName, government.id), mention.from());
                }
                String group = Speakers.group(lexicon, phrase.toString());
                if (group != null) {
                    return new Subject(new Speaker(group, null), mention.from());
                }
                if (mention.kind() == Mention.Kind.DEMONYM) {
                    return null; // "Syrian media quoted": a group we cannot name
                }
                Mention person = personBeforeOf(article, s, mention);
                ArticleEntity entity = person != null ? person.entity() : mention.entity();
                return new Subject(speakerOf(entity), person != null ? person.from() : mention.from());
            }
            if (lexicon.is("RELATIVE", w)
                    || lexicon.is("AND", w) && phrase.length() == 0
                    || article.language.isReportingVerb(w)) {
                break;
            }
            phrase.insert(0, w + " ");
            k = mention != null ? mention.from() - 1 : k - 1;
        }
        String group = Speakers.group(lexicon, phrase.toString());
        return group == null ? null : new Subject(new Speaker(group, null), Math.max(0, k + 1));
    }

    private static Subject subject(Speaker speaker, int start) {
        return speaker == null ? null : new Subject(speaker, start);
    }

    private static Speaker speakerOf(ArticleEntity entity) {
        return new Speaker(entity.canonicalName, entity.id);
    }

    private static Mention firstWordMention(ArticleAnalysis article, Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.token(k).isWord()) {
                Mention mention = article.mentionAt(s.index(), k);
                return mention != null && mention.from() == k ? mention : null;
            }
        }
        return null;
    }

    /** "Dmitri Trenin of the Carnegie Moscow Centre": the person, not the institution. */
    private static Mention personBeforeOf(ArticleAnalysis article, Sentence s, Mention mention) {
        int k = article.ofBefore(s, mention);
        if (k < 0) {
            return null;
        }
        Mention before = article.mentionAt(s.index(), k - 1);
        return before != null && before.entity().type == EntityType.PERSON ? before : null;
    }

    private static Speaker speakerAfter(ArticleAnalysis article, Sentence s, int from) {
        StringBuilder phrase = new StringBuilder();
        Lexicon lexicon = article.language.lexicon();
        for (int k = from; k < Math.min(s.size(), from + 5); k++) {
            Token token = s.token(k);
            if (!token.isWord() && !lexicon.is("POSSESSIVE", token)) {
                break;
            }
            Mention mention = article.mentionAt(s.index(), k);
            if (mention != null
                    && mention.entity().type != EntityType.PLACE
                    && mention.kind() != Mention.Kind.DEMONYM) {
                return new Speaker(mention.entity().canonicalName, mention.entity().id);
            }
            phrase.append(token.lower()).append(' ');
        }
        String group = Speakers.group(lexicon, phrase.toString());
        return group == null ? null : new Speaker(group, null);
    }

    private static void remember(ArticleAnalysis article, Claim claim, Map<String, Speaker> last) {
        Speaker speaker = new Speaker(claim.getSpeaker(), claim.getSpeakerEntityId());
        ArticleEntity entity =
                claim.getSpeakerEntityId() == null ? null : article.entities.get(claim.getSpeakerEntityId());
        if (entity == null) {
            last.put("group", speaker);
        } else if (entity.type == EntityType.PERSON) {
            last.put("person", speaker);
        } else {
            last.put("body", speaker);
            last.put("group", speaker);
        }
    }

    private static Claim claim(
            ArticleAnalysis article,
            Sentence s,
            Speaker speaker,
            String verb,
            boolean direct,
            String content,
            int from,
            int to) {
        return Claim.newBuilder()
                .setSpeaker(speaker.name())
                .setSpeakerEntityId(speaker.entityId())
                .setVerb(verb)
                .setDirect(direct)
                .setContent(content == null ? "" : content.strip())
                .setReportedBy(article.outlet)
                .setEvidence(new Evidence(
                        s.text(),
                        s.index(),
                        s.token(from).start(),
                        s.token(Math.min(to, s.size()) - 1).end()))
                .build();
    }

    /**
     * Which tokens lie inside a quotation. A quote mark after a space opens, one before a space closes; a sentence
     * that starts inside a quotation opened earlier is inside up to its first closing mark.
     */
    private static boolean[] insideQuotes(String text, Sentence s) {
        boolean[] inside = new boolean[s.size()];
        boolean open = false;
        for (int k = 0; k < s.size(); k++) {
            Token token = s.token(k);
            if (token.isQuote()) {
                boolean opening = token.start() == 0
                        || Character.isWhitespace(text.charAt(token.start() - 1))
                        || text.charAt(token.start() - 1) == '(';
                if (!opening && !open) {
                    for (int j = 0; j < k; j++) {
                        inside[j] = true;
                    }
                }
                open = opening;
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
        while (start < s.size()
                && !s.token(start).isWord()
                && !s.token(start).isNumber()
                && !s.token(start).isQuote()) {
            start++;
        }
        if (article.language.lexicon().is("COMPLEMENTIZER", s, start)) {
            start++;
        }
        int end = s.size() - 1;
        while (end > start
                && !s.token(end).isWord()
                && !s.token(end).isNumber()
                && !s.token(end).isQuote()) {
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
}
