package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import io.wirewatch.knowledge.World;
import io.wirewatch.schema.DiplomaticActionType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The language-independent facts of the action vocabulary: each action type's CAMEO code ({@code world/actions.tsv})
 * and which body decides another's membership ({@code world/membership-decisions.tsv}: a state is suspended from the
 * UN Human Rights Council by a vote of the General Assembly).
 */
final class ActionVocabulary {

    private static final ActionVocabulary STANDARD = read(Language.KNOWLEDGE_ROOT + "world/");

    private final Map<DiplomaticActionType, String> cameo;
    private final Map<DiplomaticActionType, String> family;
    private final Set<DiplomaticActionType> reciprocal;
    private final Set<DiplomaticActionType> targetFromFrame;
    private final Map<String, String> deciderByCode;
    /** Actions only some states can take: the codes of those states (a veto is the Security Council's permanent five). */
    private final Map<DiplomaticActionType, Set<String>> onlyBy;

    private ActionVocabulary(
            Map<DiplomaticActionType, String> cameo,
            Map<DiplomaticActionType, String> family,
            Set<DiplomaticActionType> reciprocal,
            Set<DiplomaticActionType> targetFromFrame,
            Map<String, String> deciderByCode,
            Map<DiplomaticActionType, Set<String>> onlyBy) {
        this.cameo = cameo;
        this.family = family;
        this.reciprocal = reciprocal;
        this.targetFromFrame = targetFromFrame;
        this.deciderByCode = deciderByCode;
        this.onlyBy = onlyBy;
    }

    /** The only_members_of value of an action no single state takes. */
    static final String GROUPS = "GROUPS";

    static ActionVocabulary standard() {
        return STANDARD;
    }

    private static ActionVocabulary read(String folder) {
        Map<DiplomaticActionType, String> cameo = new EnumMap<>(DiplomaticActionType.class);
        Map<DiplomaticActionType, String> family = new EnumMap<>(DiplomaticActionType.class);
        Set<DiplomaticActionType> reciprocal = EnumSet.noneOf(DiplomaticActionType.class);
        Set<DiplomaticActionType> targetFromFrame = EnumSet.noneOf(DiplomaticActionType.class);
        Map<DiplomaticActionType, Set<String>> onlyBy = new EnumMap<>(DiplomaticActionType.class);
        for (KnowledgeTable.Row row :
                KnowledgeTable.read(folder + "actions.tsv").rows()) {
            DiplomaticActionType type;
            try {
                type = DiplomaticActionType.valueOf(row.get("action"));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown action " + row.get("action"));
            }
            cameo.put(type, row.get("cameo"));
            family.put(type, row.get("family"));
            if (row.get("reciprocal").equals("yes")) {
                reciprocal.add(type);
            }
            switch (row.get("target")) {
                case "frame" -> targetFromFrame.add(type);
                case "context" -> {}
                default -> throw row.error("target is frame or context, got " + row.get("target"));
            }
            String members = row.get("only_members_of");
            if (members.equals(GROUPS)) {
                onlyBy.put(type, Set.of()); // no state: only a bloc or an international body
            } else if (!members.isEmpty()) {
                World.Actor bloc = World.standard()
                        .byCode(members)
                        .orElseThrow(() -> row.error("only_members_of names no bloc of blocs.tsv: " + members));
                onlyBy.put(type, Set.copyOf(bloc.members()));
            }
        }
        for (DiplomaticActionType type : DiplomaticActionType.values()) {
            if (!cameo.containsKey(type)) {
                throw new IllegalStateException(folder + "actions.tsv: no row for " + type);
            }
        }
        Map<String, String> deciders = new HashMap<>();
        for (KnowledgeTable.Row row :
                KnowledgeTable.read(folder + "membership-decisions.tsv").rows()) {
            deciders.put(row.get("body"), row.get("decided_by"));
        }
        return new ActionVocabulary(
                Map.copyOf(cameo),
                Map.copyOf(family),
                Set.copyOf(reciprocal),
                Set.copyOf(targetFromFrame),
                Map.copyOf(deciders),
                Map.copyOf(onlyBy));
    }

    String cameo(DiplomaticActionType action) {
        return cameo.get(action);
    }

    /** The family under which the alert service folds an actor's moves against one target (DOWNGRADE, BREAK …). */
    String family(DiplomaticActionType action) {
        return family.get(action);
    }

    /** True when only a state the frame itself names is the target (a veto's object is a draft resolution). */
    boolean targetFromFrameOnly(DiplomaticActionType action) {
        return targetFromFrame.contains(action);
    }

    /**
     * True unless the action is one only some states take and {@code actor} is none of them, or one only blocs and
     * bodies take ("only_members_of" {@value #GROUPS}: a state suspends nobody's membership) and it is a state.
     */
    /**
     * Whether the action may be aimed at a group of states as a whole, named after its preposition: envoys recalled
     * from, ties cut with, embassies closed in "the Gulf states" or "ECOWAS member states".
     */
    boolean mayAimAtMembersOfAGroup(DiplomaticActionType action) {
        return action == DiplomaticActionType.RECALL_AMBASSADOR
                || action == DiplomaticActionType.BREAK_RELATIONS
                || action == DiplomaticActionType.CLOSE_EMBASSY;
    }

    boolean canBeTakenBy(DiplomaticActionType action, ArticleEntity actor) {
        Set<String> states = onlyBy.get(action);
        if (states != null && states.isEmpty()) {
            return actor.isGroupOrBody();
        }
        return states == null || actor.code() != null && states.contains(actor.code());
    }

    /** True when states doing it together do it to each other ("agreed to restore relations"). */
    boolean isReciprocal(DiplomaticActionType action) {
        return reciprocal.contains(action);
    }

    /** The body that decides who sits in {@code body} (the General Assembly for the Human Rights Council), else itself. */
    ArticleEntity decidedBy(ArticleEntity body, ArticleAnalysis article) {
        String decider = body.code() == null ? null : deciderByCode.get(body.code());
        if (decider == null) {
            return body;
        }
        ArticleEntity entity = article.bloc(decider);
        return entity == null ? body : entity;
    }
}
