package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.Modality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One language's trigger frames of diplomatic actions ({@code triggers.tsv}), indexed by the words that can start
 * them so that most tokens of an article cost one hash probe. Immutable and thread-safe once loaded.
 */
final class TriggerTable {

    /** Where a frame finds its acting state. */
    enum ActorRole {
        /** The subject of the head. */
        SUBJECT,
        /** The agent ("by X"), else whoever announces it, else the actor of the story's previous action. */
        PASSIVE,
        /** The state before a noun head ("Russia's veto"), else "by X", else the subject of the governing verb. */
        POSSESSOR,
        /** The subject when it is a group of states or an international body, else the {A} slot. */
        BLOC
    }

    /** One row: a frame, the action it codes and how its actor and modality are found. */
    record Trigger(
            String id,
            DiplomaticActionType action,
            TriggerPattern pattern,
            ActorRole actorRole,
            Modality forcedModality,
            int row) {}

    /** A frame matched in a sentence. */
    record Found(Trigger trigger, TriggerPattern.Match match) {}

    private final List<Trigger> triggers;
    private final Map<String, List<Trigger>> byFirstWord = new HashMap<>();
    private final List<Trigger> slotFirst = new ArrayList<>();

    /** Per first word, its frames and those that open with a slot, in table order: what a mention there may start. */
    private final Map<String, List<Trigger>> byFirstWordAtMention = new HashMap<>();

    private TriggerTable(List<Trigger> triggers, Lexicon lexicon) {
        this.triggers = triggers;
        this.lexicon = lexicon;
        for (Trigger trigger : triggers) {
            Set<String> first = trigger.pattern().firstWords();
            if (first == null) {
                slotFirst.add(trigger);
            } else {
                first.forEach(word -> byFirstWord
                        .computeIfAbsent(word, w -> new ArrayList<>())
                        .add(trigger));
            }
        }
        // Built once: finding frames allocates nothing per token (it ran for every token of every article).
        byFirstWord.forEach((word, list) -> {
            List<Trigger> merged = new ArrayList<>(list);
            merged.addAll(slotFirst);
            merged.sort((a, b) -> Integer.compare(a.row(), b.row()));
            byFirstWordAtMention.put(word, List.copyOf(merged));
        });
        byFirstWord.replaceAll((word, list) -> List.copyOf(list));
        firstWords = new WordTable(byFirstWord.keySet());
        framesAt = new Trigger[firstWords.capacity()][];
        framesAtMention = new Trigger[firstWords.capacity()][];
        byFirstWord.forEach((word, list) -> {
            int slot = firstWords.indexOf(word);
            framesAt[slot] = list.toArray(new Trigger[0]);
            framesAtMention[slot] = byFirstWordAtMention.get(word).toArray(new Trigger[0]);
        });
        slotFirstFrames = slotFirst.toArray(new Trigger[0]);
        firstWordMark = lexicon.mark("TRIGGER_FIRST_WORDS", byFirstWord.keySet());
        Set<String> required = new HashSet<>();
        boolean everyFrameRequiresAWord = true;
        for (Trigger trigger : triggers) {
            Set<String> words = trigger.pattern().requiredWords();
            everyFrameRequiresAWord &= words != null;
            if (words != null) {
                required.addAll(words);
            }
        }
        requiredWords = everyFrameRequiresAWord ? new WordTable(required) : null;
        requiredMark = everyFrameRequiresAWord ? lexicon.mark("TRIGGER_REQUIRED_WORDS", required) : -1;
    }

    /**
     * The words of which every frame needs one (see {@link TriggerPattern#requiredWords}), as a table and a mark on the
     * tokens; null when some frame needs none. Most sentences of an article hold no such word (no verb or noun of an
     * action), and {@link #find} then tries no frame at all: it tried those that open at every word and mention.
     */
    private final WordTable requiredWords;

    private final int requiredMark;

    /** The first words as a mark on the tokens ({@link Lexicon#mark}): most tokens open no frame, told by a bit. */
    private final int firstWordMark;

    private final Lexicon lexicon;

    /**
     * The maps above as arrays by the slot of the first word in one table: {@link #find} probes every token, and a
     * probe of a {@link WordTable} with the token's own string is cheaper than two hash maps' (nor is a list's iterator
     * allocated per token).
     */
    private final WordTable firstWords;

    private final Trigger[][] framesAt;
    private final Trigger[][] framesAtMention;
    private final Trigger[] slotFirstFrames;

    static TriggerTable read(String resource, Lexicon lexicon, NumberWords numbers) {
        List<Trigger> triggers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<KnowledgeTable.Row> rows = KnowledgeTable.read(resource).rows();
        for (int r = 0; r < rows.size(); r++) {
            KnowledgeTable.Row row = rows.get(r);
            try {
                String id = row.get("id");
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("trigger id " + id + " is used twice");
                }
                DiplomaticActionType action = DiplomaticActionType.valueOf(row.get("action"));
                String actor = row.get("actor");
                ActorRole role =
                        actor.isEmpty() ? ActorRole.SUBJECT : ActorRole.valueOf(actor.toUpperCase(Locale.ROOT));
                String modality = row.get("modality");
                triggers.add(new Trigger(
                        id,
                        action,
                        TriggerPattern.compile(row.get("pattern"), lexicon, numbers),
                        role,
                        modality.isEmpty() ? null : Modality.valueOf(modality),
                        r));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return new TriggerTable(List.copyOf(triggers), lexicon);
    }

    List<Trigger> all() {
        return triggers;
    }

    /**
     * Every frame matched in the sentence, in text order; at each head token only the first frame of the table
     * that matches is kept, so the table's order is its priority.
     */
    List<Found> find(Sentence s, TriggerPattern.Slots slots, boolean[] mentionStarts) {
        List<Found> found = new ArrayList<>();
        if (!mayHoldAFrame(s)) {
            return found;
        }
        // Heads taken, by token index + 1 (a frame without a head reports -1); and one working space for every attempt.
        boolean[] headTaken = new boolean[s.size() + 1];
        int[] spans = new int[6];
        for (int i = 0; i < s.size(); i++) {
            boolean atMention = mentionStarts[i] || i + 1 < s.size() && mentionStarts[i + 1];
            int slot = lexicon.mayBeMarked(firstWordMark, s, i) ? firstWords.indexOf(s.lower(i)) : -1;
            Trigger[] ordered = atMention
                    ? (slot < 0 ? slotFirstFrames : framesAtMention[slot])
                    : (slot < 0 ? null : framesAt[slot]);
            if (ordered == null) {
                continue;
            }
            for (Trigger trigger : ordered) {
                TriggerPattern.Match match = trigger.pattern().matchAt(s, i, slots, spans);
                if (match != null && !headTaken[match.head() + 1]) {
                    headTaken[match.head() + 1] = true;
                    found.add(new Found(trigger, match));
                }
            }
        }
        if (found.size() > 1) {
            found.removeIf(inner -> found.stream().anyMatch(outer -> encloses(outer, inner)));
        }
        return found;
    }

    /** False when the sentence holds none of the words every frame needs one of, so that no frame can match in it. */
    private boolean mayHoldAFrame(Sentence s) {
        if (requiredWords == null) {
            return true;
        }
        for (int i = 0; i < s.size(); i++) {
            if (lexicon.mayBeMarked(requiredMark, s, i) && requiredWords.contains(s.lower(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "orders the closure of Syrian Embassy": a frame of the same action that names its target, spans another one and
     * has its head outside it reads the inner one in context (the host closes it, not Syria), so the inner one is no
     * action of its own.
     */
    private static boolean encloses(Found outer, Found inner) {
        TriggerPattern.Match o = outer.match();
        TriggerPattern.Match i = inner.match();
        boolean inside = outer != inner
                && outer.trigger().action() == inner.trigger().action()
                && o.from() <= i.from()
                && i.to() <= o.to()
                && (o.head() < i.from() || o.head() >= i.to());
        // "a déclaré les diplomates burundais persona non grata": the noun the verb's frame ends in is that frame's
        // object, no action of its own (whose possessor would read the envoys' state as the one acting)
        boolean objectOfAnActiveVerb = inner.trigger().actorRole() == ActorRole.POSSESSOR
                && outer.trigger().actorRole() != ActorRole.PASSIVE;
        return inside && (o.targetFrom() >= 0 && i.targetFrom() < 0 || objectOfAnActiveVerb);
    }
}
