package io.wirewatch.enrich.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Word lists the pattern rules share. Inflected forms are listed rather than derived by a stemmer: the lists are
 * short, a reader can check them, and lookup is one hash probe per token.
 */
final class Lexicon {

    private Lexicon() {
    }

    static final Set<String> EXPEL = Set.of("expel", "expels", "expelled", "expelling", "expulsion", "expulsions");
    static final Set<String> RECALL = Set.of("recall", "recalls", "recalled", "recalling", "withdraw", "withdraws",
            "withdrew", "withdrawn", "withdrawing", "withdrawal", "pull", "pulls", "pulled", "pulling", "summon",
            "summoned", "summoning");
    static final Set<String> CALL = Set.of("call", "calls", "called", "calling");
    static final Set<String> RETURN = Set.of("return", "returns", "returned", "returning");
    static final Set<String> CLOSE = Set.of("close", "closes", "closed", "closing", "closure", "shut", "shuts",
            "shutting", "shutdown");
    static final Set<String> REDUCE = Set.of("reduce", "reduces", "reduced", "reducing", "reduction", "downgrade",
            "downgrades", "downgraded", "downgrading", "scale", "scales", "scaled", "scaling", "lower", "lowers",
            "lowered", "lowering", "cut", "cuts", "cutting", "trim", "trimmed", "evacuate", "evacuated", "evacuating");
    static final Set<String> BREAK = Set.of("sever", "severs", "severed", "severing", "break", "breaks", "broke",
            "broken", "breaking", "cut", "cuts", "cutting", "end", "ended", "ends", "ending", "suspend", "suspended",
            "suspends", "suspending", "freeze", "froze", "frozen", "freezing");
    static final Set<String> RESTORE = Set.of("restore", "restores", "restored", "restoring", "resume", "resumes",
            "resumed", "resuming", "re-establish", "re-established", "reestablish", "reestablished", "normalise",
            "normalised", "normalize", "normalized", "renew", "renewed");
    static final Set<String> REOPEN = Set.of("reopen", "reopens", "reopened", "reopening", "re-open", "re-opened");
    static final Set<String> VETO = Set.of("veto", "vetoes", "vetoed", "vetoing");
    static final Set<String> IMPOSE = Set.of("impose", "imposes", "imposed", "imposing", "tighten", "tightens",
            "tightened", "tightening", "slap", "slaps", "slapped", "adopt", "adopts", "adopted", "adopting", "approve",
            "approves", "approved", "approving", "announce", "announces", "announced", "expand", "expands", "expanded",
            "extend", "extends", "extended", "toughen", "toughened", "prepare", "prepares", "prepared", "preparing",
            "agree", "agreed", "unveil", "unveiled", "levy", "levied", "widen", "widened", "broaden", "broadened",
            "introduce", "introduced", "pass", "passed", "draw", "drawing", "drew", "consider", "considering", "weigh",
            "weighing", "mull", "mulling", "threaten", "threatened", "threatening", "threatens");
    static final Set<String> LIFT = Set.of("lift", "lifts", "lifted", "lifting", "ease", "eases", "eased", "easing",
            "remove", "removed", "removing", "drop", "dropped", "scrap", "scrapped", "waive", "waived");
    static final Set<String> SUSPEND = Set.of("suspend", "suspends", "suspended", "suspending", "suspension", "expel",
            "expelled", "expels", "expelling");
    static final Set<String> ASK = Set.of("ask", "asks", "asked", "asking", "order", "orders", "ordered", "ordering",
            "tell", "tells", "told", "telling", "demand", "demands", "demanded", "demanding", "give", "gave", "given",
            "giving", "instruct", "instructed");
    static final Set<String> LEAVE = Set.of("leave", "depart", "go", "quit", "exit");

    static final Set<String> AMBASSADORS = Set.of("ambassador", "ambassadors", "envoy", "envoys", "emissary",
            "emissaries", "charge", "chargé");
    static final Set<String> DIPLOMATS = Set.of("ambassador", "ambassadors", "envoy", "envoys", "diplomat",
            "diplomats", "attache", "attaches", "attaché", "attachés", "consul", "consuls", "charge", "chargé");
    static final Set<String> STAFF = Set.of("staff", "personnel", "diplomats", "employees", "staffers");
    static final Set<String> EMBASSIES = Set.of("embassy", "embassies", "consulate", "consulates", "consular",
            "legation", "chancery");
    static final Set<String> PRESENCE = Set.of("presence", "staff", "representation", "relations", "ties",
            "personnel", "staffing", "mission");
    static final Set<String> RELATIONS = Set.of("relations", "ties", "relationship");
    static final Set<String> SANCTIONS = Set.of("sanctions", "sanction", "embargo", "embargoes");

    /** Words before an action that make it planned, not done. */
    static final Set<String> PLANNING = Set.of("consider", "considers", "considered", "considering", "planned",
            "planning", "prepare", "prepares", "preparing", "prepared", "will", "would", "could", "may",
            "might", "intend", "intends", "intending", "intended", "propose", "proposes", "proposed", "proposing",
            "mull", "mulls", "mulling", "weigh", "weighs", "weighing", "expected", "ready", "seek", "seeks", "seeking",
            "try", "trying", "discuss", "discussing", "discussed", "aim", "aims", "aiming", "want", "wants", "wanted",
            "shall", "likely", "poised", "drafting", "drawing", "draw", "push", "pushing", "urge", "urged", "urging",
            "if", "unless");
    /** "plans to", "plan to": planning only before an infinitive ("an Arab plan" is a noun). */
    static final Set<String> PLAN_BEFORE_TO = Set.of("plan", "plans");
    static final Set<String> THREAT = Set.of("threaten", "threatens", "threatened", "threatening", "warn", "warns",
            "warned", "warning", "ultimatum");
    static final Set<String> NEGATION = Set.of("not", "n't", "never", "no", "denied", "deny", "denies", "denying",
            "refused", "refuses", "refuse", "refusing", "declined", "rejected", "rule", "ruled", "without", "nor");
    /** Verbs that, before an action, say it was decided: "have decided to withdraw" is done, not planned. */
    static final Set<String> DECIDED = Set.of("decided", "decide", "decides", "agreed", "voted", "announced");

    /** Nouns after a demonym that make it the state acting: "the Syrian government", "Russian officials". */
    static final Set<String> GOVERNMENT_NOUNS = Set.of("government", "governments", "authorities", "regime",
            "officials", "leaders", "leadership", "administration", "ministry", "cabinet", "president", "diplomats",
            "foreign", "state");
    /** Words that refer back to an actor named earlier. */
    static final Set<String> SINGULAR_ANAPHORS = Set.of("it", "country", "government", "kingdom", "republic", "he", "she",
            "which", "who");
    static final Set<String> PLURAL_ANAPHORS = Set.of("they", "countries", "members", "states", "nations", "bloc",
            "group", "council", "league", "union", "alliance");
    /** Determiners that make a noun refer back ("the countries", "its members"), unlike "several European countries". */
    static final Set<String> DEFINITE = Set.of("the", "its", "their", "these", "those", "both", "all", "member");

    /** Reporting verbs, each form mapped to its lemma. */
    static final Map<String, String> REPORTING_LEMMAS = lemmas(
            "say says said saying", "tell tells told telling", "add adds added", "deny denies denied denying",
            "insist insists insisted", "argue argues argued", "announce announces announced", "claim claims claimed",
            "-state stated", "warn warns warned", "reply replied replies", "affirm affirmed affirms",
            "-report reported", "maintain maintains maintained", "believe believes", "-quote quoted",
            "estimate estimates estimated", "confirm confirms confirmed", "describe described describes",
            "accuse accused accuses", "stress stressed stresses", "-note noted", "write wrote writes",
            "declare declared declares", "acknowledge acknowledged", "admit admitted admits", "explain explained",
            "predict predicted", "urge urged urges");
    static final Set<String> REPORTING_VERBS = REPORTING_LEMMAS.keySet();

    private static Map<String, String> lemmas(String... rows) {
        Map<String, String> lemmas = new HashMap<>();
        for (String row : rows) {
            // A lemma written "-state" is not itself a form: "state" and "note" are far more often nouns.
            String[] forms = row.split(" ");
            String lemma = forms[0].startsWith("-") ? forms[0].substring(1) : forms[0];
            for (int i = forms[0].startsWith("-") ? 1 : 0; i < forms.length; i++) {
                lemmas.put(forms[i], lemma);
            }
        }
        return Map.copyOf(lemmas);
    }
}
